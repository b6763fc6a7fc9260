// Two versions of a process side by side (/designer/{processId}/compare): bpmn-js-differ compares the two models and the
// elements added (in the newer), removed (from the older) and changed (in both) are coloured, then listed in the table
// with each changed setting's old and new value. Loaded only on that page.
import NavigatedViewer from "bpmn-js/lib/NavigatedViewer";
import { ChangeHandler, diff } from "bpmn-js-differ";
import { is } from "bpmn-js/lib/util/ModelUtil";
import "bpmn-js/dist/assets/diagram-js.css";
import "bpmn-js/dist/assets/bpmn-js.css";
import "./compare.css";
import nspModdle from "./designer/nsp-moddle.json";

document.addEventListener("DOMContentLoaded", async () => {
  const source = document.getElementById("compare-data");
  if (!source) return;
  const data = JSON.parse(source.textContent);
  const texts = data.texts;
  // With the nsp descriptor the differ sees the engine's settings (a reminder's days, a task's form) as properties.
  const open = async (id, xml) => {
    const viewer = new NavigatedViewer({ container: document.getElementById(id), moddleExtensions: { nsp: nspModdle } });
    await viewer.importXML(xml);
    viewer.get("canvas").zoom("fit-viewport");
    return viewer;
  };
  const older = await open("compare-from", data.from);
  const newer = await open("compare-to", data.to);
  const changes = diff(older.getDefinitions(), newer.getDefinitions(), new SettingsChangeHandler());
  // For the browser tests and a curious administrator's console.
  window.nspCompare = { changes };

  const mark = (viewer, ids, marker) => {
    const registry = viewer.get("elementRegistry");
    const canvas = viewer.get("canvas");
    for (const id of ids) if (registry.get(id)) canvas.addMarker(id, marker);
  };
  mark(newer, Object.keys(changes._added), "diff-added");
  mark(older, Object.keys(changes._removed), "diff-removed");
  mark(older, Object.keys(changes._changed), "diff-changed");
  mark(newer, Object.keys(changes._changed), "diff-changed");

  const rows = [
    ...Object.values(changes._added).map((element) => [element, texts.added, ""]),
    ...Object.values(changes._removed).map((element) => [element, texts.removed, ""]),
    ...Object.values(changes._changed).map(({ model, attrs }) => [model, texts.changed, describe(attrs)]),
    ...Object.values(changes._layoutChanged).filter((e) => !changes._changed[e.id]).map((element) => [element, texts.moved, ""]),
  ];
  const body = document.getElementById("compare-changes");
  if (rows.length === 0) {
    body.append(row([texts.noChanges, "", ""]));
    return;
  }
  for (const [element, kind, details] of rows) {
    body.append(row([element.name ? `${element.name} (${element.id})` : element.id, kind, details], element.id));
  }
});

/**
 * bpmn-js-differ's handler, told two more things. A change inside a flow element's timer or message definition or a
 * flow's condition is a change of that element (bpmn-js-differ tracks only flow elements, so a reminder's days would
 * not show); and the walk passes a changed value as (old, new) where the handler's parameters read (new, old), so the
 * values are put back in order here.
 */
class SettingsChangeHandler extends ChangeHandler {
  _isTracked(element) {
    const tracked = super._isTracked(element);
    if (tracked || !element || !element.$parent) return tracked;
    const inside = is(element, "bpmn:EventDefinition") ? "eventDefinitions" : is(element, "bpmn:FormalExpression") ? "conditionExpression" : null;
    const owner = inside && super._isTracked(element.$parent);
    return owner ? { element: element.$parent, property: `${inside}.` } : undefined;
  }

  changed(model, property, oldValue, newValue) {
    const tracked = this._isTracked(model);
    if (tracked && tracked.element !== model) return super.changed(tracked.element, tracked.property + property, newValue, oldValue);
    return super.changed(model, property, newValue, oldValue);
  }
}

/** "nsp:daysBefore: 7 → 10" per changed setting; the path names nested settings (eventDefinitions[0].daysBefore). */
function describe(attrs) {
  const value = (v) => (v === undefined || v === null || v === "" ? "–" : typeof v === "object" ? v.id || v.body || v.$type || "…" : String(v));
  return Object.entries(attrs)
    .map(([path, { oldValue, newValue }]) => `${path}: ${value(oldValue)} → ${value(newValue)}`)
    .join("; ");
}

function row(cells, elementId) {
  const tr = document.createElement("tr");
  if (elementId) tr.dataset.elementId = elementId;
  cells.forEach((text, index) => {
    const cell = document.createElement(index === 0 ? "th" : "td");
    if (index === 0) cell.scope = "row";
    cell.textContent = text;
    tr.append(cell);
  });
  return tr;
}

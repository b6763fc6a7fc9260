// The instance view's diagram (/cases/{id}/workflow): the exact definition version an instance runs on, drawn by the
// bpmn-js viewer, with its current steps, waiting timers and failed steps marked and a count at each step passed.
// Loaded only on that page. The page says the same in tables, so nothing is lost when this does not run.
import NavigatedViewer from "bpmn-js/lib/NavigatedViewer";
import "bpmn-js/dist/assets/diagram-js.css";
import "bpmn-js/dist/assets/bpmn-js.css";
import "./instance.css";

document.addEventListener("DOMContentLoaded", async () => {
  const container = document.querySelector("[data-diagram]");
  const source = document.getElementById("diagram-data");
  if (!container || !source) return;
  const data = JSON.parse(source.textContent);
  if (!data) return;

  const viewer = new NavigatedViewer({ container });
  try {
    await viewer.importXML(data.xml);
    // A stored version keeps its whole file, which may draw several processes: show the instance's own.
    const definitions = viewer.getDefinitions();
    const own = (definitions.diagrams || []).find((d) => d.plane && d.plane.bpmnElement && d.plane.bpmnElement.id === data.processId);
    if (own && own !== definitions.diagrams[0]) await viewer.open(own);
  } catch (error) {
    container.replaceChildren(paragraph(data.labels.failed));
    container.classList.add("failed");
    console.error(error);
    return;
  }

  const canvas = viewer.get("canvas");
  const registry = viewer.get("elementRegistry");
  const overlays = viewer.get("overlays");
  const mark = (ids, marker) => ids.filter((id) => registry.get(id)).forEach((id) => canvas.addMarker(id, marker));
  mark(data.current, "current-step");
  mark(data.timers, "waiting-timer");
  mark(data.incidents, "incident-step");
  for (const [id, times] of Object.entries(data.passed)) {
    if (!registry.get(id)) continue;
    const badge = document.createElement("span");
    badge.className = "passed-count";
    badge.textContent = String(times);
    badge.title = data.labels.passed.replace("{0}", String(times));
    // The "steps passed" table says it to a screen reader; the badge would be a bare number.
    badge.setAttribute("aria-hidden", "true");
    // Above the element's top right corner: an event's label sits below it, and the badge must not hide it.
    overlays.add(id, "passed-count", { position: { top: -10, right: 10 }, html: badge });
  }

  // The drawing is one image to assistive technology, named and described by the legend; it stays focusable so that
  // Ctrl and the arrow keys move it.
  const svg = container.querySelector("svg");
  if (svg) {
    svg.setAttribute("role", "img");
    svg.setAttribute("aria-label", data.labels.diagram);
    svg.setAttribute("aria-describedby", "diagram-legend");
  }
  canvas.zoom("fit-viewport", "auto");

  const tools = document.querySelector("[data-diagram-tools]");
  if (tools) {
    tools.hidden = false;
    tools.addEventListener("click", (event) => {
      const button = event.target.closest("[data-zoom]");
      if (!button) return;
      const zoom = button.dataset.zoom;
      if (zoom === "fit") canvas.zoom("fit-viewport", "auto");
      else canvas.zoom(canvas.zoom() * (zoom === "in" ? 1.25 : 0.8));
    });
  }
});

function paragraph(text) {
  const p = document.createElement("p");
  p.textContent = text;
  return p;
}

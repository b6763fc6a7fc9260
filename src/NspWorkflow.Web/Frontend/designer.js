// The designer page (/designer/{processId}): the bpmn-js modeler with the nsp: attributes, the engine's subset and the
// server's problems at their elements. A bundle of its own so that app.js stays small on every other page.
import Modeler from "bpmn-js/lib/Modeler";
import { BpmnPropertiesPanelModule, BpmnPropertiesProviderModule } from "bpmn-js-properties-panel";
import "bpmn-js/dist/assets/diagram-js.css";
import "bpmn-js/dist/assets/bpmn-js.css";
import "bpmn-js/dist/assets/bpmn-font/css/bpmn.css";
import "@bpmn-io/properties-panel/dist/assets/properties-panel.css";
import "./designer.css";
import nspModdle from "./designer/nsp-moddle.json";
import subsetModule from "./designer/subset.js";
import translateModule from "./designer/translate.js";
import nspPropertiesModule from "./designer/properties.js";
import { createProblems } from "./designer/problems.js";

const wideEnough = window.matchMedia("(min-width: 64rem)");

document.addEventListener("DOMContentLoaded", () => {
  const root = document.getElementById("designer");
  if (!root) return;
  // The designer is a desk tool: on a small screen the page shows a note instead (see designer.css).
  if (wideEnough.matches) start(root);
  else wideEnough.addEventListener("change", () => start(root), { once: true });
});

async function start(root) {
  const data = JSON.parse(document.getElementById("designer-data").textContent);
  const texts = data.texts;
  const form = root.querySelector("form");
  const status = document.getElementById("designer-status");
  const problemList = document.getElementById("designer-problems");
  const english = document.documentElement.lang === "en";
  const modules = [subsetModule, BpmnPropertiesPanelModule, BpmnPropertiesProviderModule, nspPropertiesModule];
  const modeler = new Modeler({
    container: document.getElementById("designer-canvas"),
    propertiesPanel: { parent: document.getElementById("designer-properties") },
    // The names the server validates against: the choices of the nsp group's fields.
    nspVocabulary: data.vocabulary,
    moddleExtensions: { nsp: nspModdle },
    additionalModules: english ? modules : [...modules, translateModule],
  });
  // For the browser tests and a curious administrator's console: the modeler and what the page knows.
  window.nspDesigner = { modeler, state: data };

  const { warnings } = await modeler.importXML(data.xml);
  if (warnings.length) console.warn("bpmn-js import warnings", warnings);
  modeler.get("canvas").zoom("fit-viewport");
  let version = data.version;
  let savedStatus = data.status;
  let dirty = false;
  modeler.on("commandStack.changed", () => {
    dirty = true;
  });
  const problems = createProblems(modeler, problemList, texts);
  problems.show(data.problems);
  const warningList = document.getElementById("designer-warnings");
  // Warnings do not stop publishing (a join that can hang, for instance): a list under the problems, each naming its element.
  const showWarnings = (warnings) => {
    warningList.replaceChildren();
    if (!warnings || warnings.length === 0) return;
    const heading = document.createElement("h2");
    heading.textContent = texts.warnings;
    const list = document.createElement("ul");
    for (const warning of warnings) {
      const item = document.createElement("li");
      item.textContent = warning.elementId ? `${warning.elementId}: ${warning.message}` : warning.message;
      list.append(item);
    }
    warningList.append(heading, list);
  };
  showWarnings(data.warnings);

  const post = async (handler, fields) => {
    const body = new FormData(form);
    for (const [name, value] of Object.entries(fields)) body.set(name, value);
    const response = await fetch(`?handler=${handler}`, { method: "POST", body, credentials: "same-origin" });
    const answer = await response.json().catch(() => ({ message: texts.failed, problems: [] }));
    return { ok: response.ok, ...answer };
  };

  const save = async () => {
    const { xml } = await modeler.saveXML({ format: true });
    const answer = await post("Save", { xml });
    if (answer.ok) {
      version = answer.version;
      savedStatus = answer.status;
      dirty = false;
    }
    problems.show(answer.problems || []);
    if (answer.ok) showWarnings(answer.warnings);
    return answer;
  };

  const busy = async (work) => {
    const buttons = form.querySelectorAll("button");
    buttons.forEach((b) => (b.disabled = true));
    status.textContent = texts.working;
    try {
      const answer = await work();
      status.textContent = answer.message;
      const shown = savedStatus === "Draft" ? texts.draftVersion : texts.publishedVersion;
      document.getElementById("designer-version").textContent = shown.replace("{0}", String(version));
      window.nspDesigner.state = { ...window.nspDesigner.state, version, status: savedStatus, last: answer };
    } catch {
      status.textContent = texts.failed;
    } finally {
      buttons.forEach((b) => (b.disabled = false));
    }
  };

  form.querySelector("[data-save]").addEventListener("click", () => busy(save));
  form.querySelector("[data-publish]").addEventListener("click", () =>
    busy(async () => {
      // What is published is what the administrator sees: unsaved changes are saved as a draft first.
      if (dirty || savedStatus !== "Draft") {
        const saved = await save();
        if (!saved.ok || saved.status !== "Draft") return saved;
      }
      const answer = await post("Publish", { version: String(version) });
      if (answer.ok) savedStatus = answer.status;
      problems.show(answer.problems || []);
      return answer;
    }));
}

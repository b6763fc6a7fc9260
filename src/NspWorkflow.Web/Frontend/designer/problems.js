// The server's validation problems on the diagram: a marker and a text overlay at each element they name, the field
// that edits it marked in the properties panel, and a list whose items select the element and open that field. The
// texts are the engine's (English); they are set as text, never as HTML.
import { fieldOf } from "./properties.js";

const marker = "has-problem";
const overlayType = "nsp-problem";

/** Whether the element refers to the bpmn:message or bpmn:error of that id (its own messageRef, or its event's). */
function refersTo(element, id) {
  const bo = element.businessObject;
  if (!bo || element.labelTarget) return false;
  if (bo.messageRef?.id === id) return true;
  return (bo.eventDefinitions || []).some((d) => d.errorRef?.id === id || d.messageRef?.id === id);
}

/** Keeps the problems of the last save and shows those of the selected element in the properties panel. */
export function createProblems(modeler, listContainer, texts) {
  const canvas = modeler.get("canvas");
  const overlays = modeler.get("overlays");
  const registry = modeler.get("elementRegistry");
  const selection = modeler.get("selection");
  const eventBus = modeler.get("eventBus");
  let current = [];
  // A message or an error is not drawn: its problem is shown at the first element that refers to it, whose panel edits it.
  const elementOf = (id) => (id ? registry.get(id) ?? registry.find((element) => refersTo(element, id)) ?? null : null);

  // The panel shows one element; its fields' errors are those problems of that element that name a field.
  const showFieldErrors = (element) => {
    const errors = {};
    for (const problem of current) {
      const field = element && elementOf(problem.elementId) === element ? fieldOf(problem.message, element) : null;
      if (field) errors[field] = errors[field] ? `${errors[field]} ${problem.message}` : problem.message;
    }
    eventBus.fire("propertiesPanel.setErrors", { errors });
  };
  eventBus.on("selection.changed", ({ newSelection }) => showFieldErrors(newSelection.length === 1 ? newSelection[0] : null));

  const show = (problems) => {
    current = problems;
    overlays.remove({ type: overlayType });
    registry.forEach((element) => canvas.removeMarker(element, marker));
    listContainer.replaceChildren();
    const selected = selection.get();
    showFieldErrors(selected.length === 1 ? selected[0] : null);
    if (problems.length === 0) return;

    // One note per element, with each of its problems, so that notes do not pile up on each other.
    const notes = new Map();
    const noteOf = (element) => {
      if (!notes.has(element.id)) {
        const note = document.createElement("div");
        note.className = "nsp-problem-note";
        note.lang = "en";
        overlays.add(element, overlayType, { position: { bottom: -4, left: 0 }, html: note });
        notes.set(element.id, note);
      }
      return notes.get(element.id);
    };

    const heading = document.createElement("h2");
    heading.textContent = problems.length === 1 ? texts.oneProblem : texts.problems.replace("{0}", String(problems.length));
    const list = document.createElement("ul");
    for (const problem of problems) {
      const element = elementOf(problem.elementId);
      const item = document.createElement("li");
      const message = document.createElement("span");
      message.lang = "en";
      message.textContent = problem.message;
      if (element) {
        canvas.addMarker(element, marker);
        noteOf(element).append(Object.assign(document.createElement("p"), { textContent: problem.message }));
        const button = document.createElement("button");
        button.type = "button";
        button.className = "link-button";
        button.textContent = element.businessObject?.name ? `${element.businessObject.name} (${element.id})` : element.id;
        button.addEventListener("click", () => {
          selection.select(element);
          canvas.scrollToElement(element);
          const field = fieldOf(problem.message, element);
          // Opens the field's group and focuses it; without a field the canvas takes the keyboard.
          // The panel renders the new selection on the next frame; the field exists only then.
          if (field) requestAnimationFrame(() => eventBus.fire("propertiesPanel.showEntry", { id: field }));
          else canvas.focus();
        });
        item.append(button, ": ", message);
      } else {
        const where = problem.elementId ? `${problem.elementId}: ` : "";
        item.append(where, message);
      }
      list.append(item);
    }
    listContainer.append(heading, list);
  };
  return { show };
}

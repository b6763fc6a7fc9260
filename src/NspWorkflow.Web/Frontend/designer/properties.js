// The designer's own group in the properties panel: the nsp: settings the engine reads (src/NspWorkflow.Engine/README.md,
// "nsp: attributes"), the condition of a flow and the process a call activity starts, and the multi-instance group of a
// user task or call activity. Choices come from what the server validates against (the page's vocabulary), so a name
// the app does not know cannot be picked by mistake.
import { h } from "@bpmn-io/properties-panel/preact";
import {
  Group, NumberFieldEntry, SelectEntry, TextFieldEntry,
  isNumberFieldEntryEdited, isSelectEntryEdited, isTextFieldEntryEdited,
} from "@bpmn-io/properties-panel";
import { useService } from "bpmn-js-properties-panel";
import { getBusinessObject, is, isAny } from "bpmn-js/lib/util/ModelUtil";

/** Entry ids, also used to point a server problem at the field that edits it (see fieldOf). */
export const entryIds = {
  assigneeRole: "nsp-assigneeRole",
  form: "nsp-form",
  due: "nsp-due",
  mailTemplate: "nsp-mailTemplate",
  handler: "nsp-handler",
  calledElement: "nsp-calledElement",
  inputs: "nsp-inputs",
  outputs: "nsp-outputs",
  condition: "nsp-condition",
  daysBefore: "nsp-daysBefore",
  before: "nsp-before",
  correlationKey: "nsp-correlationKey",
  collection: "nsp-collection",
  elementVariable: "nsp-elementVariable",
  completionCondition: "nsp-completionCondition",
};

const timerOf = (bo) => (bo.eventDefinitions || []).find((d) => is(d, "bpmn:TimerEventDefinition"));
const messageOf = (bo) => (is(bo, "bpmn:ReceiveTask") ? bo : (bo.eventDefinitions || []).find((d) => is(d, "bpmn:MessageEventDefinition")))?.messageRef;

/** Writes one property of the element or of an object inside it (its timer, its message); "" removes it. */
function useWriter(element, owner, property) {
  const modeling = useService("modeling");
  return (value) => {
    const properties = { [property]: value === "" || value === undefined ? undefined : value };
    if (owner === getBusinessObject(element)) modeling.updateProperties(element, properties);
    else modeling.updateModdleProperties(element, owner, properties);
  };
}

function TextSetting({ element, id, label, owner, property, description }) {
  const translate = useService("translate");
  const debounce = useService("debounceInput");
  return h(TextFieldEntry, {
    element, id, label: translate(label), description: description && translate(description), debounce,
    getValue: () => owner.get(property) || "",
    setValue: useWriter(element, owner, property),
  });
}

function ChoiceSetting({ element, id, label, owner, property, choices }) {
  const translate = useService("translate");
  return h(SelectEntry, {
    element, id, label: translate(label),
    getValue: () => owner.get(property) || "",
    setValue: useWriter(element, owner, property),
    getOptions: () => {
      const current = owner.get(property);
      const options = [{ value: "", label: translate("(none)") }, ...choices.map((value) => ({ value, label: value }))];
      // A name the app does not know stays visible (the problem list says why) rather than silently vanishing.
      if (current && !choices.includes(current)) options.push({ value: current, label: `${current} (${translate("unknown")})` });
      return options;
    },
  });
}

// Written on every input, not debounced: a number changed and followed at once by a click elsewhere (another group,
// Publish) would otherwise be lost with the pending write.
const immediately = (fn) => fn;

function DaysBeforeSetting({ element, id, timer }) {
  const translate = useService("translate");
  const write = useWriter(element, timer, "nsp:daysBefore");
  return h(NumberFieldEntry, {
    element, id, label: translate("Days before"), min: 0, max: 3650, step: 1, debounce: immediately,
    description: translate("Counted back from the date below, in calendar days."),
    getValue: () => timer.get("nsp:daysBefore") ?? "",
    setValue: (value) => write(value === undefined || value === null || value === "" ? "" : String(value)),
  });
}

function ConditionSetting({ element, id }) {
  const translate = useService("translate");
  const debounce = useService("debounceInput");
  const modeling = useService("modeling");
  const bpmnFactory = useService("bpmnFactory");
  const flow = getBusinessObject(element);
  return h(TextFieldEntry, {
    element, id, label: translate("Condition"), debounce,
    description: translate("JavaScript over the instance's variables, e.g. decision === 'approve'."),
    getValue: () => flow.conditionExpression?.body || "",
    setValue: (value) => modeling.updateProperties(element, {
      conditionExpression: value ? bpmnFactory.create("bpmn:FormalExpression", { body: value }) : undefined,
    }),
  });
}

function CompletionConditionSetting({ element, id, loop }) {
  const translate = useService("translate");
  const debounce = useService("debounceInput");
  const modeling = useService("modeling");
  const bpmnFactory = useService("bpmnFactory");
  return h(TextFieldEntry, {
    element, id, label: translate("Completion condition"), debounce,
    description: translate("Optional JavaScript, e.g. nrOfCompletedInstances >= 2: when it holds, the open instances are cancelled."),
    getValue: () => loop.completionCondition?.body || "",
    setValue: (value) => modeling.updateModdleProperties(element, loop, {
      completionCondition: value ? bpmnFactory.create("bpmn:FormalExpression", { body: value }) : undefined,
    }),
  });
}

/**
 * The multi-instance group of a user task or call activity: the list it repeats over, the name of each item, when to
 * stop early. In place of bpmn-js's own group, whose loop cardinality the engine refuses.
 */
function multiInstanceEntries(element) {
  const bo = getBusinessObject(element);
  const loop = bo.loopCharacteristics;
  if (!isAny(bo, ["bpmn:UserTask", "bpmn:CallActivity"]) || !is(loop, "bpmn:MultiInstanceLoopCharacteristics")) return null;
  const text = (key, label, description) =>
    ({ id: entryIds[key], component: TextSetting, isEdited: isTextFieldEntryEdited, label, owner: loop, property: `nsp:${key}`, description });
  return [
    text("collection", "List to repeat over", "A list variable; one instance per item, e.g. shelterIds."),
    text("elementVariable", "Item variable", "The name each instance sees its item by; item when empty."),
    { id: entryIds.completionCondition, component: CompletionConditionSetting, isEdited: isTextFieldEntryEdited, loop },
  ];
}

/** The entries of the nsp group for one element: only what the engine reads on that kind of element. */
function entriesFor(element, vocabulary) {
  const bo = getBusinessObject(element);
  const entries = [];
  const text = (key, label, owner = bo, description) =>
    entries.push({ id: entryIds[key], component: TextSetting, isEdited: isTextFieldEntryEdited, label, owner, property: `nsp:${key}`, description });
  const choice = (key, label, choices, property = `nsp:${key}`) =>
    entries.push({ id: entryIds[key], component: ChoiceSetting, isEdited: isSelectEntryEdited, label, owner: bo, property, choices });

  if (is(bo, "bpmn:UserTask")) {
    choice("assigneeRole", "Assignee role", vocabulary.roles);
    choice("form", "Form", vocabulary.forms);
    text("due", "Due", bo, "A duration (P5D), a date or an = expression.");
    choice("mailTemplate", "Mail template", vocabulary.mailTemplates);
  } else if (is(bo, "bpmn:SendTask")) {
    choice("mailTemplate", "Mail template", vocabulary.mailTemplates);
    choice("assigneeRole", "Assignee role", vocabulary.roles);
  } else if (is(bo, "bpmn:ServiceTask")) {
    choice("handler", "Handler", vocabulary.handlers);
  } else if (is(bo, "bpmn:CallActivity")) {
    choice("calledElement", "Called process", vocabulary.processes, "calledElement");
    text("inputs", "Inputs", bo, "Comma-separated names or target=source.");
    text("outputs", "Outputs", bo, "Comma-separated names or target=source.");
  } else if (is(bo, "bpmn:SequenceFlow") && isAny(bo.sourceRef, ["bpmn:ExclusiveGateway", "bpmn:InclusiveGateway"])) {
    entries.push({ id: entryIds.condition, component: ConditionSetting, isEdited: isTextFieldEntryEdited });
  }

  // A lead time counts back from a variable; a timer start event has none yet, so it has only a date or a cycle.
  const timer = timerOf(bo);
  if (timer && !is(bo, "bpmn:StartEvent")) {
    entries.push({ id: entryIds.daysBefore, component: DaysBeforeSetting, isEdited: isNumberFieldEntryEdited, timer });
    text("before", "Before the date in", timer, "A date variable, e.g. periodLastDayMorning. Leave both empty to use the timer above.");
  }
  const message = messageOf(bo);
  if (message) text("correlationKey", "Correlation key", message, "An expression over the variables, e.g. caseId.");
  return entries;
}

function NspPropertiesProvider(propertiesPanel, translate, vocabulary) {
  this.getGroups = (element) => (groups) => {
    const entries = entriesFor(element, vocabulary);
    const multiInstance = multiInstanceEntries(element);
    if (multiInstance) {
      // bpmn-js's group (loop cardinality, completion condition) gives way to the engine's.
      groups = groups.filter((g) => g.id !== "multiInstance");
    }
    // Directly after "General", where an administrator looks first.
    const at = Math.max(0, groups.findIndex((g) => g.id === "general") + 1);
    const own = [
      entries.length > 0 && { id: "nsp", label: translate("NSP Workflow"), component: Group, entries },
      multiInstance && { id: "multiInstance", label: translate("Multi-instance"), component: Group, entries: multiInstance },
    ].filter(Boolean);
    groups.splice(at, 0, ...own);
    return groups;
  };
  propertiesPanel.registerProvider(400, this);
}
NspPropertiesProvider.$inject = ["propertiesPanel", "translate", "config.nspVocabulary"];

export default {
  __init__: ["nspPropertiesProvider"],
  nspPropertiesProvider: ["type", NspPropertiesProvider],
};

/**
 * The entry that edits what a server problem is about, read from the engine's sentence (which names the setting);
 * null when it is about the element as a whole (its flows, its place in the process).
 */
export function fieldOf(message, element) {
  const named = /\b(nsp:(\w+)|calledElement)\b/.exec(message);
  if (named) return entryIds[named[2] || "calledElement"] ?? null;
  if (/^The timer of /.test(message)) {
    // A lead time in days is edited in the nsp group; a date, duration or cycle in bpmn-js's own timer group.
    const timer = element && timerOf(getBusinessObject(element));
    return timer?.get("nsp:daysBefore") !== undefined ? entryIds.daysBefore : "timerEventDefinitionValue";
  }
  if (/^The condition of |without a condition|has an empty condition/.test(message)) return entryIds.condition;
  if (/^The completion condition of |has an empty completion condition/.test(message)) return entryIds.completionCondition;
  if (/^The correlation key /.test(message)) return entryIds.correlationKey;
  // bpmn-js-properties-panel's own Error and Message groups edit these (its entry ids).
  if (/\(errorRef\)|names error '/.test(message)) return "errorRef";
  if (/\(errorCode\)/.test(message)) return "errorCode";
  if (/\(messageRef\)|message '[^']*', which is not defined/.test(message)) return "messageRef";
  if (/has no name; /.test(message)) return "messageName";
  return null;
}

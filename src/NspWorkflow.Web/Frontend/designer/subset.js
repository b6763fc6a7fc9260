// The palette, context pad and replace menu offer only what the engine runs (src/NspWorkflow.Engine/README.md,
// "The subset"): anything else would only come back from the server as a problem.
import { getBusinessObject, isAny } from "bpmn-js/lib/util/ModelUtil";

/** The palette: the tools, then one entry per element of the subset. Replaces bpmn-js's own palette provider. */
function SubsetPaletteProvider(palette, create, elementFactory, spaceTool, lassoTool, handTool, globalConnect, translate) {
  this.getPaletteEntries = () => {
    const createAction = (type, group, className, title, options) => {
      const start = (event) => create.start(event, elementFactory.createShape({ type, ...options }));
      return { group, className, title: translate(title), action: { dragstart: start, click: start } };
    };
    // As bpmn-js's own palette does: an expanded sub-process comes with the one start event the engine requires inside.
    const createSubProcess = (event) => {
      const subProcess = elementFactory.createShape({ type: "bpmn:SubProcess", x: 0, y: 0, isExpanded: true });
      const startEvent = elementFactory.createShape({ type: "bpmn:StartEvent", x: 40, y: 82, parent: subProcess });
      create.start(event, [subProcess, startEvent], { hints: { autoSelect: [subProcess] } });
    };
    const tool = (className, title, activate) => ({ group: "tools", className, title: translate(title), action: { click: activate } });
    return {
      "hand-tool": tool("bpmn-icon-hand-tool", "Activate hand tool", (event) => handTool.activateHand(event)),
      "lasso-tool": tool("bpmn-icon-lasso-tool", "Activate lasso tool", (event) => lassoTool.activateSelection(event)),
      "space-tool": tool("bpmn-icon-space-tool", "Activate create/remove space tool", (event) => spaceTool.activateSelection(event)),
      "global-connect-tool": tool("bpmn-icon-connection-multi", "Activate global connect tool", (event) => globalConnect.start(event)),
      "tool-separator": { group: "tools", separator: true },
      "create.start-event": createAction("bpmn:StartEvent", "event", "bpmn-icon-start-event-none", "Create start event"),
      "create.end-event": createAction("bpmn:EndEvent", "event", "bpmn-icon-end-event-none", "Create end event"),
      "create.timer-event": createAction("bpmn:IntermediateCatchEvent", "event", "bpmn-icon-intermediate-event-catch-timer",
        "Create timer intermediate catch event", { eventDefinitionType: "bpmn:TimerEventDefinition" }),
      "create.message-event": createAction("bpmn:IntermediateCatchEvent", "event", "bpmn-icon-intermediate-event-catch-message",
        "Create message intermediate catch event", { eventDefinitionType: "bpmn:MessageEventDefinition" }),
      "create.message-throw-event": createAction("bpmn:IntermediateThrowEvent", "event", "bpmn-icon-intermediate-event-throw-message",
        "Create message intermediate throw event", { eventDefinitionType: "bpmn:MessageEventDefinition" }),
      "create.exclusive-gateway": createAction("bpmn:ExclusiveGateway", "gateway", "bpmn-icon-gateway-xor", "Create exclusive gateway"),
      "create.parallel-gateway": createAction("bpmn:ParallelGateway", "gateway", "bpmn-icon-gateway-parallel", "Create parallel gateway"),
      "create.inclusive-gateway": createAction("bpmn:InclusiveGateway", "gateway", "bpmn-icon-gateway-or", "Create inclusive gateway"),
      "create.event-based-gateway": createAction("bpmn:EventBasedGateway", "gateway", "bpmn-icon-gateway-eventbased", "Create event-based gateway"),
      "create.user-task": createAction("bpmn:UserTask", "activity", "bpmn-icon-user-task", "Create user task"),
      "create.service-task": createAction("bpmn:ServiceTask", "activity", "bpmn-icon-service-task", "Create service task"),
      "create.send-task": createAction("bpmn:SendTask", "activity", "bpmn-icon-send-task", "Create send task"),
      "create.receive-task": createAction("bpmn:ReceiveTask", "activity", "bpmn-icon-receive-task", "Create receive task"),
      "create.call-activity": createAction("bpmn:CallActivity", "activity", "bpmn-icon-call-activity", "Create call activity"),
      "create.subprocess-expanded": {
        group: "activity", className: "bpmn-icon-subprocess-expanded", title: translate("Create expanded sub-process"),
        action: { dragstart: createSubProcess, click: createSubProcess },
      },
    };
  };
  palette.registerProvider(this);
}
SubsetPaletteProvider.$inject = ["palette", "create", "elementFactory", "spaceTool", "lassoTool", "handTool", "globalConnect", "translate"];

/**
 * Context pad entries bpmn-js offers that the engine runs; a plain task is swapped for the engine's tasks. The plain
 * intermediate (throw) event is a milestone, which its replace menu turns into a message throw or a timer.
 */
const keptPadEntries = new Set([
  "append.end-event", "append.gateway", "append.receive-task", "append.message-intermediate-event", "append.timer-intermediate-event",
  "append.intermediate-event", "append.text-annotation", "replace", "delete", "connect",
]);

function SubsetContextPad(contextPad, autoPlace, create, elementFactory, translate) {
  const append = (type, className, title) => {
    const shapeOf = () => elementFactory.createShape({ type });
    return {
      group: "model", className, title: translate(title),
      action: {
        click: (event, element) => (autoPlace ? autoPlace.append(element, shapeOf()) : create.start(event, shapeOf(), { source: element })),
        dragstart: (event, element) => create.start(event, shapeOf(), { source: element }),
      },
    };
  };
  this.getContextPadEntries = () => (entries) => {
    const kept = Object.fromEntries(Object.entries(entries).filter(([id]) => keptPadEntries.has(id)));
    if (entries["append.append-task"]) {
      kept["append.user-task"] = append("bpmn:UserTask", "bpmn-icon-user-task", "Append user task");
      kept["append.service-task"] = append("bpmn:ServiceTask", "bpmn-icon-service-task", "Append service task");
      kept["append.send-task"] = append("bpmn:SendTask", "bpmn-icon-send-task", "Append send task");
    }
    return kept;
  };
  // After bpmn-js's provider (priority 1000), so this sees and filters its entries.
  contextPad.registerProvider(500, this);
}
SubsetContextPad.$inject = ["contextPad", "autoPlace", "create", "elementFactory", "translate"];

const keptReplacements = new Set([
  "none-start", "timer-start", "none-end", "terminate-end", "message-intermediate-catch", "timer-intermediate-catch", "user-task", "service-task",
  "send-task", "receive-task", "call-activity", "exclusive-gateway", "parallel-gateway", "event-based-gateway", "message-boundary",
  "timer-boundary", "non-interrupting-message-boundary", "non-interrupting-timer-boundary", "sequence-flow", "default-flow", "conditional-flow",
].map((id) => `replace-with-${id}`));
// Sub-processes, inclusive gateways, error and message throws, milestones and timer starts (bpmn-js names the plain
// throw event's entry differently in a start event's menu). The designer draws no collapsed sub-process; one from
// another tool may be expanded.
for (const id of ["expanded-subprocess", "inclusive-gateway", "error-end", "message-end", "message-intermediate-throw", "error-boundary",
  "none-intermediate-throw", "none-intermediate-throwing", "timer-start"]) keptReplacements.add(`replace-with-${id}`);

/** An error can only come from a service task (its handler), a sub-process (an error end event) or a call activity. */
const canRaiseErrors = (activity) => isAny(activity, ["bpmn:ServiceTask", "bpmn:SubProcess", "bpmn:CallActivity"]);
const multiInstanceToggles = new Set(["toggle-parallel-mi", "toggle-sequential-mi"]);

function SubsetReplaceMenu(popupMenu) {
  const only = (keep) => (entries) => Object.fromEntries(Object.entries(entries).filter(([id]) => keep(id)));
  this.getPopupMenuEntries = (target) => only((id) => keptReplacements.has(id)
    && (id !== "replace-with-error-boundary" || canRaiseErrors(getBusinessObject(target).attachedToRef)));
  // Interrupting or not is in the subset, and multi-instance on user tasks and call activities; loops, ad hoc and
  // collections are not. (An error boundary event is always interrupting: bpmn-js offers no toggle for it.)
  this.getPopupMenuHeaderEntries = (target) => {
    const multiInstance = isAny(target, ["bpmn:UserTask", "bpmn:CallActivity"]);
    return only((id) => id === "toggle-non-interrupting" || (multiInstance && multiInstanceToggles.has(id)));
  };
  popupMenu.registerProvider("bpmn-replace", 500, this);
}
SubsetReplaceMenu.$inject = ["popupMenu"];

export default {
  __init__: ["paletteProvider", "subsetContextPad", "subsetReplaceMenu"],
  paletteProvider: ["type", SubsetPaletteProvider],
  subsetContextPad: ["type", SubsetContextPad],
  subsetReplaceMenu: ["type", SubsetReplaceMenu],
};

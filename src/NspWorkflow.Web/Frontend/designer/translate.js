// Swedish for the parts of bpmn-js the designer keeps (palette, context pad, replace menu), keyed by the English
// strings bpmn-js passes to its translate service. Anything not listed stays English rather than breaking.
const swedish = {
  "Activate hand tool": "Handverktyg: flytta diagrammet",
  "Activate lasso tool": "Lassoverktyg: markera flera",
  "Activate create/remove space tool": "Skapa eller ta bort utrymme",
  "Activate global connect tool": "Koppla ihop två element",
  "Create start event": "Skapa starthändelse",
  "Create end event": "Skapa sluthändelse",
  "Create user task": "Skapa användaruppgift",
  "Create service task": "Skapa tjänsteuppgift",
  "Create send task": "Skapa utskicksuppgift",
  "Create receive task": "Skapa mottagningsuppgift",
  "Create call activity": "Skapa anrop av arbetsflöde",
  "Create exclusive gateway": "Skapa exklusiv gateway (ett val)",
  "Create parallel gateway": "Skapa parallell gateway",
  "Create event-based gateway": "Skapa händelsebaserad gateway",
  "Create timer intermediate catch event": "Skapa timer",
  "Create message intermediate catch event": "Skapa väntan på meddelande",
  "Append end event": "Lägg till sluthändelse",
  "Append gateway": "Lägg till gateway",
  "Append user task": "Lägg till användaruppgift",
  "Append service task": "Lägg till tjänsteuppgift",
  "Append send task": "Lägg till utskicksuppgift",
  "Append receive task": "Lägg till mottagningsuppgift",
  "Append message intermediate catch event": "Lägg till väntan på meddelande",
  "Append timer intermediate catch event": "Lägg till timer",
  "Add text annotation": "Lägg till kommentar",
  "Change element": "Byt elementtyp",
  "Delete": "Ta bort",
  "Connect to other element": "Koppla till ett annat element",
  "Connect using association": "Koppla med association",
  "Toggle non-interrupting": "Växla avbrytande/icke-avbrytande",
  "Search": "Sök",
  "No matching entries found.": "Inga träffar.",
  "Start event": "Starthändelse",
  "End event": "Sluthändelse",
  "Terminate end event": "Avslutande sluthändelse (avbryter allt)",
  "User task": "Användaruppgift",
  "Service task": "Tjänsteuppgift",
  "Send task": "Utskicksuppgift",
  "Receive task": "Mottagningsuppgift",
  "Call activity": "Anrop av arbetsflöde",
  "Exclusive gateway": "Exklusiv gateway",
  "Parallel gateway": "Parallell gateway",
  "Event-based gateway": "Händelsebaserad gateway",
  "Message intermediate catch event": "Väntan på meddelande",
  "Timer intermediate catch event": "Timer",
  "Message boundary event": "Meddelande på kanten",
  "Timer boundary event": "Timer på kanten",
  "Message boundary event (non-interrupting)": "Meddelande på kanten (icke-avbrytande)",
  "Timer boundary event (non-interrupting)": "Timer på kanten (icke-avbrytande)",
  "Sequence flow": "Flöde",
  "Default flow": "Standardflöde",
  "Conditional flow": "Flöde med villkor",
};

/** bpmn-js's translate(template, replacements) with the Swedish text when there is one. */
function translate(template, replacements) {
  const values = replacements || {};
  return (swedish[template] || template).replace(/{([^}]+)}/g, (_, key) => values[key] ?? `{${key}}`);
}

export default { translate: ["value", translate] };

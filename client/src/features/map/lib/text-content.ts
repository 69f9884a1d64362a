// Leaflet sets a tooltip or popup given as a string with innerHTML, so a grid named
// `<img src=x onerror=…>` would become markup (issue 12, item 5). Content built here is a DOM node whose
// text is set with textContent: whatever a user typed stays text. Imperative Leaflet content must go
// through this; React content (react-leaflet's <Tooltip>/<Popup> children) is escaped by React.

/** A span holding `text` as text, for `bindTooltip` / `bindPopup` / `setContent`. */
export function createTextContent(text: string): HTMLElement {
  const element = document.createElement('span');
  element.textContent = text;
  return element;
}

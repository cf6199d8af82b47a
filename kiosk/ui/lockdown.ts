// Kiosk lockdown in the page itself, on top of Chromium's kiosk flags: a passer-by must not select text,
// open a context menu, zoom, drag, use a keyboard shortcut or navigate back to a previous citizen's screen.
// The CSS half (user-select, touch-action) is in styles.css.

export function installLockdown(doc: Document = document, win: Window = window): () => void {
  const prevent = (e: Event) => e.preventDefault();
  const blockKeys = (e: KeyboardEvent) => {
    const target = e.target as HTMLElement | null;
    const typing = target?.tagName === 'INPUT' || target?.tagName === 'TEXTAREA';
    // Plain typing is allowed in the dev panel's scan field; every shortcut and function key is not.
    const shortcut = e.ctrlKey || e.metaKey || e.altKey || /^F\d+$/.test(e.key);
    const navigation = !typing && (e.key === 'Backspace' || e.key === 'Tab' || e.key === 'Escape');
    if (shortcut || navigation) e.preventDefault();
  };
  const blockZoomWheel = (e: WheelEvent) => {
    if (e.ctrlKey) e.preventDefault();
  };
  // Keep one synthetic entry on top of the history so "back" lands on this same page.
  const stayHere = () => win.history.pushState(null, '', win.location.href);

  const listeners: Array<[EventTarget, string, EventListener, AddEventListenerOptions]> = [
    [doc, 'contextmenu', prevent, { capture: true }],
    [doc, 'selectstart', prevent, { capture: true }],
    [doc, 'dragstart', prevent, { capture: true }],
    [doc, 'gesturestart', prevent, { capture: true }], // Safari pinch
    [doc, 'dblclick', prevent, { capture: true }],
    [doc, 'keydown', blockKeys as EventListener, { capture: true }],
    [win, 'wheel', blockZoomWheel as EventListener, { capture: true, passive: false }],
    [win, 'popstate', stayHere, {}],
  ];
  for (const [target, type, listener, options] of listeners) target.addEventListener(type, listener, options);
  stayHere();
  return () => {
    for (const [target, type, listener, options] of listeners) target.removeEventListener(type, listener, options);
  };
}

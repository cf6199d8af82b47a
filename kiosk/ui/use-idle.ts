// Client-side idleness for the attract animation: true after `ms` with no pointerdown anywhere.
// Purely visual; the agent's own timeouts decide when a session ends.

import { useEffect, useState } from 'preact/hooks';

export function useIdle(ms: number, doc: Document = document): [idle: boolean, wake: () => void] {
  const [idle, setIdle] = useState(false);
  const [epoch, setEpoch] = useState(0);
  useEffect(() => {
    let timer = setTimeout(() => setIdle(true), ms);
    const onTouch = () => {
      clearTimeout(timer);
      setIdle(false);
      timer = setTimeout(() => setIdle(true), ms);
    };
    doc.addEventListener('pointerdown', onTouch, { capture: true });
    return () => {
      clearTimeout(timer);
      doc.removeEventListener('pointerdown', onTouch, { capture: true });
    };
  }, [ms, doc, epoch]);
  return [idle, () => setEpoch((n) => n + 1)];
}

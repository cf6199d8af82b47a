// A tiny typed event emitter: drivers announce status changes and unsolicited events through it.

export type Unsubscribe = () => void;

export class EventHub<Events extends Record<string, unknown>> {
  private readonly listeners = new Map<keyof Events, Set<(payload: never) => void>>();

  on<K extends keyof Events>(type: K, listener: (payload: Events[K]) => void): Unsubscribe {
    let set = this.listeners.get(type);
    if (!set) {
      set = new Set();
      this.listeners.set(type, set);
    }
    set.add(listener as (payload: never) => void);
    return () => set.delete(listener as (payload: never) => void);
  }

  emit<K extends keyof Events>(type: K, payload: Events[K]): void {
    for (const listener of this.listeners.get(type) ?? []) (listener as (p: Events[K]) => void)(payload);
  }
}

/** The part of a driver's event hub that its users may touch. */
export interface DeviceEvents<Events extends Record<string, unknown>> {
  on<K extends keyof Events>(type: K, listener: (payload: Events[K]) => void): Unsubscribe;
}

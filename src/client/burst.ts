/**
 * Bursts: requests released together, so a race check catches a race by construction, not by
 * luck. Each request of a burst is written whole but for its last body byte; once every request
 * of the burst has been written (or has failed), the last bytes go out in one turn of the event
 * loop. A target reads none of them as complete before all are on the wire, however busy the
 * machine that sends them. A request without a body cannot be held back and is sent as it is.
 *
 * The burst travels with the async context (AsyncLocalStorage): the scenario runner sends each of
 * a burst's requests inside `inBurst`, and the transport asks `burstMember()`; no client or
 * profile in between needs to know.
 */
import { AsyncLocalStorage } from 'node:async_hooks';

/** The requests of one burst. */
export interface Burst {
  /** A member has written all but its last byte, or failed: resolves once all `size` have. */
  arrive(): Promise<void>;
}

/** One member's view of its burst: only its first request is held back (later ones go as they are). */
export interface BurstMember {
  burst: Burst;
  arrived: boolean;
}

const current = new AsyncLocalStorage<BurstMember>();

/** A burst of `size` requests. */
export function newBurst(size: number): Burst {
  let waiting = size;
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  if (waiting <= 0) open();
  return {
    arrive() {
      waiting -= 1;
      if (waiting <= 0) open();
      return opened;
    },
  };
}

/** Runs `send` as one member of `burst`; a member that ends without sending still counts as arrived, so no other waits for it. */
export function inBurst<T>(burst: Burst, send: () => Promise<T>): Promise<T> {
  const member: BurstMember = { burst, arrived: false };
  return current.run(member, async () => {
    try {
      return await send();
    } finally {
      if (!member.arrived) {
        member.arrived = true;
        void burst.arrive();
      }
    }
  });
}

/** The burst the current request belongs to and has not yet arrived at, if any; marks it arrived. */
export function takeBurstArrival(): Burst | undefined {
  const member = current.getStore();
  if (member === undefined || member.arrived) return undefined;
  member.arrived = true;
  return member.burst;
}

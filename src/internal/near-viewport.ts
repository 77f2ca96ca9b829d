/**
 * One IntersectionObserver for every element waiting to come near the viewport: within one
 * viewport's height of being seen. It exists only while something waits.
 */
const waiting = new Map<Element, () => void>();
let observer: IntersectionObserver | undefined;

function stop(element: Element): void {
  if (!waiting.delete(element)) return;
  observer?.unobserve(element);
  if (!waiting.size) {
    observer?.disconnect();
    observer = undefined;
  }
}

/** Calls `near` once `element` comes near the viewport; the function returned stops waiting. */
export function whenNearViewport(element: Element, near: () => void): () => void {
  observer ??= new IntersectionObserver(
    (entries) => {
      for (const entry of entries) {
        const callback = waiting.get(entry.target);
        if (entry.isIntersecting && callback) {
          stop(entry.target);
          callback();
        }
      }
    },
    { rootMargin: '100% 0px' },
  );
  stop(element);
  waiting.set(element, near);
  observer.observe(element);
  return () => stop(element);
}

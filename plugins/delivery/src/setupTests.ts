import '@testing-library/jest-dom';

// jsdom lays nothing out and has no ResizeObserver, which recharts'
// ResponsiveContainer sizes its chart with: every observed element reports
// 640 × 240, so charts render in tests as they would in a card.
if (!window.ResizeObserver) {
  class FixedSizeResizeObserver {
    constructor(private readonly callback: ResizeObserverCallback) {}
    observe(target: Element) {
      const contentRect = { width: 640, height: 240 } as DOMRectReadOnly;
      this.callback(
        [{ target, contentRect } as ResizeObserverEntry],
        this as unknown as ResizeObserver,
      );
    }
    unobserve() {}
    disconnect() {}
  }
  window.ResizeObserver = FixedSizeResizeObserver;
}

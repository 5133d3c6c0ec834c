import { useRef, type KeyboardEvent, type PointerEvent } from 'react';

interface Props {
  /** which panel the handle resizes: the left one grows as it is dragged right, the right one as it is dragged left */
  side: 'left' | 'right';
  widthPx: number;
  minPx: number;
  maxPx: number;
  label: string;
  onResize(widthPx: number): void;
}

/** Arrow-key step, px. */
const KEY_STEP_PX = 24;

/**
 * A drag handle between a side panel and the map (WAI-ARIA window splitter): drag it, or focus it and use the
 * arrow keys. Double-click goes back to the default width (onResize(NaN)).
 */
export function PanelResizer({ side, widthPx, minPx, maxPx, label, onResize }: Props) {
  const start = useRef<{ x: number; width: number } | null>(null);
  const clamp = (w: number) => Math.round(Math.min(maxPx, Math.max(minPx, w)));
  const sign = side === 'left' ? 1 : -1;
  const onPointerDown = (e: PointerEvent<HTMLDivElement>) => {
    e.currentTarget.setPointerCapture(e.pointerId);
    start.current = { x: e.clientX, width: widthPx };
  };
  const onPointerMove = (e: PointerEvent<HTMLDivElement>) => {
    if (!start.current) return;
    onResize(clamp(start.current.width + sign * (e.clientX - start.current.x)));
  };
  const onPointerUp = (e: PointerEvent<HTMLDivElement>) => {
    start.current = null;
    e.currentTarget.releasePointerCapture(e.pointerId);
  };
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.key !== 'ArrowLeft' && e.key !== 'ArrowRight') return;
    e.preventDefault();
    onResize(clamp(widthPx + (e.key === 'ArrowRight' ? 1 : -1) * sign * KEY_STEP_PX));
  };
  return (
    <div
      className="panel-resizer"
      role="separator"
      aria-orientation="vertical"
      aria-label={label}
      aria-valuenow={widthPx}
      aria-valuemin={minPx}
      aria-valuemax={maxPx}
      tabIndex={0}
      title={label}
      data-testid={`resize-${side}`}
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove}
      onPointerUp={onPointerUp}
      onKeyDown={onKeyDown}
      onDoubleClick={() => onResize(Number.NaN)}
    />
  );
}

import { useEffect, useRef } from 'react';
import type { Site } from '../../core/model';
import type { County } from '../../geodata/counties';
import { PlanMap, type PlanMapHandlers, type PlanTool } from '../map/PlanMap';

interface Props extends PlanMapHandlers {
  county: County;
  sites: readonly Site[];
  selectedId: string | null;
  tool: PlanTool;
  /** bumps to centre the map on the selected site */
  focusRequest: number;
}

/** Hosts the Leaflet PlanMap: created once per county, fed through its methods on every render. */
export function PlanMapView({ county, sites, selectedId, tool, focusRequest, ...handlers }: Props) {
  const containerRef = useRef<HTMLDivElement>(null);
  const mapRef = useRef<PlanMap | null>(null);
  const handlersRef = useRef(handlers);
  handlersRef.current = handlers;

  useEffect(() => {
    const h = handlersRef;
    const map = new PlanMap(containerRef.current!, county, {
      onSelect: (id) => h.current.onSelect(id),
      onDrag: (id, p) => h.current.onDrag(id, p),
      onDragEnd: (id, p) => h.current.onDragEnd(id, p),
      onPlace: (kind, p) => h.current.onPlace(kind, p),
      onCursor: (p) => h.current.onCursor(p),
      onClearSelection: () => h.current.onClearSelection(),
    });
    mapRef.current = map;
    const observer = new ResizeObserver(() => map.invalidateSize());
    observer.observe(containerRef.current!);
    return () => {
      observer.disconnect();
      map.destroy();
      mapRef.current = null;
    };
  }, [county]);

  useEffect(() => mapRef.current?.setSites(sites, selectedId), [sites, selectedId]);
  useEffect(() => mapRef.current?.setTool(tool), [tool]);
  useEffect(() => {
    const site = sites.find((s) => s.id === selectedId);
    if (focusRequest > 0 && site) mapRef.current?.panTo([site.lonDeg, site.latDeg]);
    // only when asked: not on every drag
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [focusRequest]);

  return <div ref={containerRef} className="map" data-testid="plan-map" />;
}

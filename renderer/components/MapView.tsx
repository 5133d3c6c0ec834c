import { useEffect, useRef } from 'react';
import type { County } from '../../geodata/counties';
import { CountyMap } from '../map/CountyMap';

interface Props {
  language: 'zh' | 'en';
  counties: readonly County[];
  selectedCode: string | null;
  /** bumps when the user asks to zoom to the selection again (list click on the same county) */
  zoomRequest: number;
  resetRequest: number;
  onSelect(code: string): void;
  onCursor(lonLat: [number, number] | null): void;
}

/** Hosts the Leaflet CountyMap: created once, updated through its methods, never rebuilt on render. */
export function MapView({ language, counties, selectedCode, zoomRequest, resetRequest, onSelect, onCursor }: Props) {
  const containerRef = useRef<HTMLDivElement>(null);
  const mapRef = useRef<CountyMap | null>(null);
  const handlersRef = useRef({ onSelect, onCursor });
  handlersRef.current = { onSelect, onCursor };

  useEffect(() => {
    const map = new CountyMap(containerRef.current!, counties, {
      onSelect: (code) => handlersRef.current.onSelect(code),
      onCursor: (lonLat) => handlersRef.current.onCursor(lonLat),
    });
    mapRef.current = map;
    const observer = new ResizeObserver(() => map.invalidateSize());
    observer.observe(containerRef.current!);
    return () => {
      observer.disconnect();
      map.destroy();
      mapRef.current = null;
    };
  }, [counties]);

  useEffect(() => {
    mapRef.current?.select(selectedCode, { zoom: true });
  }, [selectedCode, zoomRequest]);

  useEffect(() => {
    mapRef.current?.setLabelLanguage(language);
  }, [language, counties]);

  useEffect(() => {
    if (resetRequest > 0) mapRef.current?.fitProvince();
  }, [resetRequest]);

  return <div ref={containerRef} className="map" data-testid="map" />;
}

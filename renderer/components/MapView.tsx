import { useEffect, useRef } from 'react';
import type { County } from '../../geodata/counties';
import { CountyMap } from '../map/CountyMap';
import type { MapCommands } from '../map/MapCommands';

interface Props {
  language: 'zh' | 'en';
  counties: readonly County[];
  /** the highlighted county */
  selectedCode: string | null;
  /** zoomToCounty and resetView come from here */
  commands: MapCommands;
  onSelect(code: string): void;
  onCursor(lonLat: [number, number] | null): void;
  /** the province view's fill per county code (a roadmap figure); none: the prefecture fills */
  fills?: ReadonlyMap<string, string> | null;
}

/** Hosts the Leaflet CountyMap: created once, updated through its methods, never rebuilt on render. */
export function MapView({ language, counties, selectedCode, commands, onSelect, onCursor, fills = null }: Props) {
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
    const stopCommands = commands.subscribe((command) => {
      if (command.type === 'zoomToCounty') map.select(command.code, { zoom: true });
      else if (command.type === 'resetView') map.fitProvince();
    });
    return () => {
      stopCommands();
      observer.disconnect();
      map.destroy();
      mapRef.current = null;
    };
  }, [counties, commands]);

  useEffect(() => {
    mapRef.current?.select(selectedCode);
  }, [selectedCode]);

  useEffect(() => {
    mapRef.current?.setFills(fills);
  }, [fills, counties]);

  useEffect(() => {
    mapRef.current?.setLabelLanguage(language);
  }, [language, counties]);

  return <div ref={containerRef} className="map" data-testid="map" />;
}

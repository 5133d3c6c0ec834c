import { describe, expect, it } from 'vitest';
import { MapCommands, type MapCommand } from '../../../renderer/map/MapCommands';

describe('MapCommands', () => {
  it('hands each named command to every listening map, and none after it stops listening', () => {
    const commands = new MapCommands();
    const seen: MapCommand[] = [];
    const stop = commands.subscribe((c) => seen.push(c));
    commands.zoomToCounty('520382');
    commands.resetView();
    commands.focusSite([106.4, 27.8]);
    commands.fitBounds([106, 27, 107, 28]);
    expect(seen).toEqual([
      { type: 'zoomToCounty', code: '520382' },
      { type: 'resetView' },
      { type: 'focusSite', lonLat: [106.4, 27.8] },
      { type: 'fitBounds', bounds: [106, 27, 107, 28] },
    ]);
    stop();
    commands.resetView();
    expect(seen).toHaveLength(4);
  });

  it('drops a command no map listens to', () => {
    expect(() => new MapCommands().fitBounds([0, 0, 1, 1])).not.toThrow();
  });
});

/** A [west, south, east, north] box in WGS-84 degrees. */
export type LonLatBounds = readonly [number, number, number, number];

/** What the rest of the app may ask of a map: named commands, not props to bump. */
export type MapCommand =
  /** the start map: highlight a county and fit the view to it */
  | { type: 'zoomToCounty'; code: string }
  /** the start map: show the whole province again */
  | { type: 'resetView' }
  /** the plan map: centre on a site, keeping the zoom */
  | { type: 'focusSite'; lonLat: [number, number] }
  /** the plan map: fit the view to a box (a gap, a place, a build-list row) */
  | { type: 'fitBounds'; bounds: LonLatBounds };

/**
 * The commands one map listens to: whoever wants the map to move calls a method here (a list click, the header's
 * reset button), and the component hosting the Leaflet map (MapView, PlanMapView) subscribes and carries them out.
 * A command sent while no map listens is dropped: there is nothing to move.
 * @example const commands = new MapCommands(); commands.subscribe((c) => c.type === 'fitBounds' && map.fit(c.bounds)); commands.fitBounds(box);
 */
export class MapCommands {
  private readonly listeners = new Set<(command: MapCommand) => void>();

  zoomToCounty(code: string): void {
    this.send({ type: 'zoomToCounty', code });
  }

  resetView(): void {
    this.send({ type: 'resetView' });
  }

  focusSite(lonLat: [number, number]): void {
    this.send({ type: 'focusSite', lonLat });
  }

  fitBounds(bounds: LonLatBounds): void {
    this.send({ type: 'fitBounds', bounds });
  }

  readonly subscribe = (listener: (command: MapCommand) => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  private send(command: MapCommand): void {
    for (const listener of this.listeners) listener(command);
  }
}

import type { LonLat } from '@gridgov/shared';
import { useCallback, useState } from 'react';

export type GeolocationProblem = 'denied' | 'unavailable' | 'timeout' | 'unsupported' | 'insecure';

export type GeolocationState =
  | { status: 'idle' }
  | { status: 'locating' }
  | { status: 'located'; accuracy: number }
  | { status: 'failed'; problem: GeolocationProblem };

const POSITION_OPTIONS: PositionOptions = { enableHighAccuracy: true, timeout: 15_000, maximumAge: 60_000 };

function toProblem(error: GeolocationPositionError): GeolocationProblem {
  if (error.code === error.PERMISSION_DENIED) return 'denied';
  if (error.code === error.TIMEOUT) return 'timeout';
  return 'unavailable';
}

/** The device's position on request (a button press), with the reason when it cannot be had. */
export function useGeolocation() {
  const [state, setState] = useState<GeolocationState>({ status: 'idle' });

  const locate = useCallback((onLocated: (location: LonLat) => void) => {
    // Browsers refuse positions to pages served over plain http, with a misleading "denied".
    if (window.isSecureContext === false) return setState({ status: 'failed', problem: 'insecure' });
    if (!('geolocation' in navigator)) return setState({ status: 'failed', problem: 'unsupported' });
    setState({ status: 'locating' });
    navigator.geolocation.getCurrentPosition(
      (position) => {
        setState({ status: 'located', accuracy: Math.round(position.coords.accuracy) });
        onLocated({ lon: position.coords.longitude, lat: position.coords.latitude });
      },
      (error) => setState({ status: 'failed', problem: toProblem(error) }),
      POSITION_OPTIONS,
    );
  }, []);

  const reset = useCallback(() => setState({ status: 'idle' }), []);

  return { state, locate, reset };
}

import { useCallback } from 'react';
import { consoleApi } from '../api/calls';
import { useLive } from '../app/use-live';
import { useLoad } from '../app/use-load';
import { isolatedName } from '../../shared/console/isolated-name';

/**
 * Facilities as people call them: "North General (FAC-NORTH)", not a bare id the buyer has to
 * know by heart. The id stays beside the name, as the ERP and the exports use it. Before the list
 * has loaded, or for a facility the centre no longer has, the id alone. The list follows the
 * centre's changes, so a facility added while a screen is open is named there too.
 */
export function useFacilityNames(): (id: string) => string {
  const facilities = useLoad(() => consoleApi.facilities());
  useLive(facilities.reload);
  const list = facilities.data?.facilities;
  return useCallback(
    (id: string) => {
      const name = list?.find((f) => f.id === id)?.name;
      return name ? `${isolatedName(name)} (${id})` : id;
    },
    [list],
  );
}

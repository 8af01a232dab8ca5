import { useCallback } from 'react';
import { consoleApi } from '../api/calls';
import { useLoad } from '../app/use-load';
import { isolatedName } from '../../shared/console/isolated-name';

/**
 * Facilities as people call them: "North General (FAC-NORTH)", not a bare id the buyer has to
 * know by heart. The id stays beside the name, as the ERP and the exports use it. Before the list
 * has loaded, or for a facility the centre no longer has, the id alone.
 */
export function useFacilityNames(): (id: string) => string {
  const facilities = useLoad(() => consoleApi.facilities());
  const list = facilities.data?.facilities;
  return useCallback(
    (id: string) => {
      const name = list?.find((f) => f.id === id)?.name;
      return name ? `${isolatedName(name)} (${id})` : id;
    },
    [list],
  );
}

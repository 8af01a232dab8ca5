import { useServices } from './services';
import { useLiveQuery } from './use-live';

/** Names for user ids in histories: people read "Noah Mensah", not "USR-NOAH". */
export function useUserNames(): (id: string) => string {
  const { db } = useServices();
  const { docs } = useLiveQuery(db.users);
  return (id) => docs.find((u) => u.id === id)?.name ?? id;
}

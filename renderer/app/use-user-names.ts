import { stepAuthorWords } from '../../shared/replenishment/step-author';
import { useServices } from './services';
import { useLiveQuery } from './use-live';

/**
 * Names for user ids in histories: people read "Noah Mensah", not "USR-NOAH", and "bo.buyer
 * (centre)", not "console:bo.buyer".
 */
export function useUserNames(): (id: string) => string {
  const { db } = useServices();
  const { docs } = useLiveQuery(db.users);
  return (id) => stepAuthorWords(id, (user) => docs.find((u) => u.id === user)?.name ?? user);
}

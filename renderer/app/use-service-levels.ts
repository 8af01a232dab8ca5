import { useEffect, useState } from 'react';
import type { RequestPriority, ServiceLevel } from '../../shared/model';
import { serviceLevelsOf } from '../../shared/replenishment/service-levels';
import { APPROVAL_POLICY_DOC, policyFromLocal } from '../store/approval-policy-local';
import { useServices } from './services';

/**
 * The facility's service levels as this PC last fetched them with its approval policy (the
 * network defaults before the first fetch), live: a new policy version changes the clocks at once.
 */
export function useServiceLevels(): Partial<Record<RequestPriority, ServiceLevel>> {
  const { db } = useServices();
  const [levels, setLevels] = useState(() => serviceLevelsOf());
  useEffect(() => {
    const subscription = db
      .getLocal$(APPROVAL_POLICY_DOC)
      .subscribe((doc) => setLevels(serviceLevelsOf(policyFromLocal(doc?.toJSON().data))));
    return () => subscription.unsubscribe();
  }, [db]);
  return levels;
}

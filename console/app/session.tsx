import { createContext, useCallback, useContext, useEffect, useState, type ReactNode } from 'react';
import { consoleMay, type ConsoleAct, type SessionAnswer } from '../../shared/console';
import { consoleApi } from '../api/calls';
import { setCsrfToken, whenSignedOut } from '../api/http';

type SessionState =
  | { phase: 'checking' }
  | { phase: 'signed-out'; reason?: string }
  | { phase: 'signed-in'; user: SessionAnswer['user'] };

interface SessionValue {
  state: SessionState;
  signedIn(answer: SessionAnswer): void;
  signOut(): Promise<void>;
  /** What the signed-in person's role allows (shared/console); the endpoint checks it again. */
  may(act: ConsoleAct): boolean;
}

const SessionContext = createContext<SessionValue | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<SessionState>({ phase: 'checking' });
  const signedIn = useCallback((answer: SessionAnswer) => {
    setCsrfToken(answer.csrfToken);
    setState({ phase: 'signed-in', user: answer.user });
  }, []);
  useEffect(() => {
    whenSignedOut(() => {
      setCsrfToken(undefined);
      setState({ phase: 'signed-out', reason: 'Your session has ended: sign in again.' });
    });
    consoleApi.session().then(signedIn, () => setState({ phase: 'signed-out' }));
  }, [signedIn]);
  const signOut = useCallback(async () => {
    await consoleApi.signOut().catch(() => undefined);
    setCsrfToken(undefined);
    setState({ phase: 'signed-out' });
  }, []);
  const may = useCallback(
    (act: ConsoleAct) => state.phase === 'signed-in' && consoleMay(state.user.role, act),
    [state],
  );
  return (
    <SessionContext.Provider value={{ state, signedIn, signOut, may }}>
      {children}
    </SessionContext.Provider>
  );
}

export function useSession(): SessionValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession outside SessionProvider');
  return value;
}

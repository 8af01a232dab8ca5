import { isBlankName } from '../../shared/model';
import { HttpError } from '../http/errors';

/**
 * An admin's name for a thing (a facility, an API key) must show something in the console: "   "
 * passed the schema's minLength and was listed as an empty line. `what` names the thing, `hint`
 * says what to give instead.
 */
export function refuseBlankName(name: string, what: string, hint: string): void {
  if (!isBlankName(name)) return;
  throw new HttpError(400, 'NAME_BLANK', `The ${what} name holds no visible character: ${hint}`, [
    { field: 'name', message: 'holds no visible character' },
  ]);
}

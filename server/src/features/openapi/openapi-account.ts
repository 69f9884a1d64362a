// OpenAPI paths of one's own password, account activation (issue 13) and the sign-in throttles admins
// see (issue 12, decision 016), spread into openapi.ts.
import {
  activateAccountSchema,
  changePasswordResultSchema,
  changePasswordSchema,
  clearSignInThrottleResultSchema,
  clearSignInThrottleSchema,
  meSchema,
  signInThrottleListSchema,
} from '@gridgov/shared';
import { csrfHeader, errorResponse as error, json, jsonBody } from './openapi-helpers';

const throttled = error('Too many failed attempts for this account, device or address; see Retry-After');

export const accountPaths = {
  '/api/auth/activate': {
    post: {
      summary: 'First sign-in of an imported person: username, one-time activation code, own new password',
      security: [],
      parameters: [csrfHeader],
      requestBody: jsonBody(activateAccountSchema),
      responses: {
        '200': json(meSchema, 'Activated and signed in; sets the session cookie and X-CSRF-Token'),
        '400': error('Invalid body, or the new password breaks the rule (details name the rule)'),
        '401': error('Wrong username or activation code, or the code expired'),
        '403': error('CSRF token missing'),
        '429': throttled,
      },
    },
  },
  '/api/auth/password': {
    post: {
      summary: 'Change one’s own password; every other session of the person ends',
      parameters: [csrfHeader],
      requestBody: jsonBody(changePasswordSchema),
      responses: {
        '200': json(changePasswordResultSchema, 'Changed'),
        '400': error('Invalid body, or the new password breaks the rule (details name the rule)'),
        '401': error('Not signed in'),
        '403': error('CSRF token missing'),
        '422': error('The current password is wrong'),
        '429': throttled,
      },
    },
  },
  '/api/admin/sign-in-throttles': {
    get: {
      summary:
        'Counters with failed sign-ins in the window (usernames, devices; addresses for county admins)',
      responses: {
        '200': json(signInThrottleListSchema, 'OK'),
        '401': error('Not signed in'),
        '403': error('Not an administrator'),
      },
    },
  },
  '/api/admin/sign-in-throttles/clear': {
    post: {
      summary: 'Lift a sign-in throttle: its failures in the window stop counting (audited)',
      parameters: [csrfHeader],
      requestBody: jsonBody(clearSignInThrottleSchema),
      responses: {
        '200': json(clearSignInThrottleResultSchema, 'Cleared'),
        '400': error('Invalid body'),
        '401': error('Not signed in'),
        '403': error('Not an administrator of this person’s town, or CSRF token missing'),
      },
    },
  },
};

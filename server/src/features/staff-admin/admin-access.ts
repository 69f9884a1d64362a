import type { Actor } from '../../lib/auth/scope';
import { AppError, forbidden } from '../../lib/errors';

/** Admins write the roster of their towns; town leaders may read it (list, export, coverage, audit). */
export function assertCanReadRoster(actor: Actor): void {
  if (!actor.roles.some((r) => r === 'admin' || r === 'town_leader') || actor.scope.level === 'grids') {
    throw forbidden('Only administrators and town leaders may see the roster administration');
  }
}

export function assertCanWriteRoster(actor: Actor): void {
  if (!actor.roles.includes('admin') || actor.scope.level === 'grids') {
    throw forbidden('Only administrators may change the roster');
  }
}

export function assertTownInScope(actor: Actor, townId: string): void {
  if (!actor.scope.townIds.includes(townId)) throw forbidden('This town is outside your scope');
}

/** Account changes belong to the admins of the person's home town, not of a town where they hold a post. */
export function assertHomeTownAdministered(actor: Actor, person: { regionId: string }): void {
  if (!actor.roles.includes('admin') || !actor.scope.adminTownIds.includes(person.regionId)) {
    throw new AppError(
      'forbidden',
      "This person's account belongs to another town: only its administrators may change it",
      { problem: 'home_town_not_administered' },
    );
  }
}

/**
 * A change that ends posts or moves cases must stay inside the writer's towns: a person may be in
 * scope through one town (home or a grid there) and still hold posts in another.
 */
export function assertAllInScope(actor: Actor, items: { townId: string; label: string }[]): void {
  const outside = items.filter((i) => !actor.scope.townIds.includes(i.townId)).map((i) => i.label);
  if (outside.length) {
    throw new AppError('forbidden', 'This person also works in a town you do not administer', { outside });
  }
}

/**
 * The actor as a roster writer: their territory narrowed to the towns they administer, so someone who
 * administers one town and leads another reads both rosters but changes only the first.
 */
export function asRosterWriter(actor: Actor): Actor {
  if (!actor.roles.includes('admin')) return actor;
  const towns = actor.scope.adminTownIds;
  return {
    ...actor,
    scope: {
      ...actor.scope,
      townIds: towns,
      // The regions the admin role is held for (a county town leader's county is not one of them).
      regionIds: actor.scope.regionIds.filter(
        (id) => towns.includes(id) || actor.scope.adminCountyIds.includes(id),
      ),
      memberTownIds: actor.scope.memberTownIds.filter((id) => towns.includes(id)),
    },
  };
}

/** Audit entries carry who acted and from where. */
export interface AuditSource {
  actor: Actor;
  ip: string | null;
}

import { calendarYearInputSchema, workingHoursInputSchema } from '@gridgov/shared';
import { Router } from 'express';
import { z } from 'zod';
import { requireActor } from '../../lib/auth/middleware';
import type { AppContext } from '../../lib/context';
import { getCalendarAdmin, saveCalendarYear, saveWorkingHours } from './calendar-admin.service';

const yearParams = z.object({ year: z.coerce.number().int() });

export function createCalendarRouter(ctx: AppContext): Router {
  const router = Router();
  router.get('/admin/calendar', async (req, res) => {
    res.json(await getCalendarAdmin(ctx, requireActor(req)));
  });
  router.put('/admin/calendar/years/:year', async (req, res) => {
    const actor = requireActor(req);
    const { year } = yearParams.parse(req.params);
    res.json(await saveCalendarYear(ctx, actor, year, calendarYearInputSchema.parse(req.body)));
  });
  router.put('/admin/calendar/working-hours', async (req, res) => {
    const actor = requireActor(req);
    res.json(await saveWorkingHours(ctx, actor, workingHoursInputSchema.parse(req.body).workingHours));
  });
  return router;
}

import { getCases } from './get-cases';

/** Resolves a case number typed by a person (e.g. for "mark duplicate") to the case's id, or null. */
export async function findCaseByNumber(number: string, { signal }: { signal?: AbortSignal } = {}) {
  const wanted = number.trim().toUpperCase();
  const page = await getCases(
    {
      status: [],
      categoryCode: null,
      villageId: null,
      gridId: null,
      assigneeId: null,
      isOverdue: false,
      isEscalated: false,
      q: number.trim(),
      from: null,
      to: null,
      dueFrom: null,
      dueTo: null,
      sort: 'reported_desc',
    },
    null,
    { signal, limit: 10 },
  );
  return page.items.find((item) => item.number.toUpperCase() === wanted) ?? null;
}

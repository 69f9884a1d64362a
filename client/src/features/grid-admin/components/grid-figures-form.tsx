import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SaveOutcome } from '@/components/ui/save-outcome';
import { useUpdateGrid } from '../api/grid-mutations';
import { describeAdminError } from './describe-admin-error';

export type AdminGridInfo = {
  id: string;
  code: string;
  name: string;
  households: number | null;
  population: number | null;
};

const toCount = (value: string) => (value.trim() === '' ? null : Number(value));

/** Name, households and population of one grid. Keyed by grid id by the caller, so it resets per grid. */
export function GridFiguresForm({ grid }: { grid: AdminGridInfo }) {
  const { t } = useTranslation();
  const mutation = useUpdateGrid();
  const [name, setName] = useState(grid.name);
  const [households, setHouseholds] = useState(grid.households?.toString() ?? '');
  const [population, setPopulation] = useState(grid.population?.toString() ?? '');

  const submit = (event: FormEvent) => {
    event.preventDefault();
    mutation.mutate({
      gridId: grid.id,
      input: { name: name.trim(), households: toCount(households), population: toCount(population) },
    });
  };

  return (
    <form className="admin-form" onSubmit={submit}>
      <label className="field">
        <span className="field-label">{t('adminGeo.grids.name')}</span>
        <input value={name} onChange={(e) => setName(e.target.value)} required maxLength={60} />
      </label>
      <div className="admin-row">
        <label className="field">
          <span className="field-label">{t('adminGeo.grids.households')}</span>
          <input
            type="number"
            min={0}
            step={1}
            value={households}
            onChange={(e) => setHouseholds(e.target.value)}
          />
        </label>
        <label className="field">
          <span className="field-label">{t('adminGeo.grids.population')}</span>
          <input
            type="number"
            min={0}
            step={1}
            value={population}
            onChange={(e) => setPopulation(e.target.value)}
          />
        </label>
      </div>
      <button type="submit" className="button button-primary" disabled={mutation.isPending}>
        {mutation.isPending ? t('adminGeo.common.saving') : t('adminGeo.common.save')}
      </button>
      <SaveOutcome
        failure={mutation.isError ? describeAdminError(mutation.error, t) : null}
        savedText={mutation.isSuccess ? t('adminGeo.common.saved') : null}
      />
    </form>
  );
}

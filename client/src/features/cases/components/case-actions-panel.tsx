import type { CaseAction, CaseActionRequest, CaseDetail } from '@gridgov/shared';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useActOnCase } from '../api/act-on-case';
import { describeCaseError } from '../utils/describe-case-error';
import { ActionForm } from './action-form';

type Notice = { tone: 'success' | 'error'; text: string };

/** Steps that end or undo a case; set apart from the ordinary next steps. */
const CLOSING_ACTIONS: readonly CaseAction[] = ['reject', 'cancel', 'mark_duplicate'];

/**
 * One button per allowed action (the server's `allowedActions`, nothing more); each opens a small form
 * with that action's inputs. The request carries the loaded `version`; a 409 means someone else acted
 * first, and the case is fetched again.
 */
export function CaseActionsPanel({ caseDetail }: { caseDetail: CaseDetail }) {
  const { t } = useTranslation();
  const id = useId();
  const [openAction, setOpenAction] = useState<CaseAction | null>(null);
  const [notice, setNotice] = useState<Notice | null>(null);
  const actionMutation = useActOnCase(caseDetail.id);
  const actions = caseDetail.allowedActions;
  // After a refresh the open action may no longer be allowed: its form closes by itself.
  const activeAction = openAction && actions.includes(openAction) ? openAction : null;

  function toggle(action: CaseAction) {
    setNotice(null);
    actionMutation.reset();
    setOpenAction((current) => (current === action ? null : action));
  }

  function submit(request: CaseActionRequest) {
    setNotice(null);
    actionMutation.mutate(request, {
      onSuccess: () => {
        setOpenAction(null);
        setNotice({
          tone: 'success',
          text: t('caseActions.done', { action: t(`caseAction.${request.action}`) }),
        });
      },
      onError: (error) => setNotice({ tone: 'error', text: describeCaseError(error, t) }),
    });
  }

  const ordered = [
    ...actions.filter((action) => !CLOSING_ACTIONS.includes(action)),
    ...actions.filter((action) => CLOSING_ACTIONS.includes(action)),
  ];

  return (
    <section className="case-card-section case-actions" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} className="section-title">
        {t('caseActions.title')}
      </h2>
      {notice && (
        <p className={`notice notice-${notice.tone}`} role={notice.tone === 'error' ? 'alert' : 'status'}>
          {notice.text}
        </p>
      )}
      {ordered.length === 0 ? (
        <p className="muted">{t('caseActions.none')}</p>
      ) : (
        <div className="action-buttons">
          {ordered.map((action) => (
            <button
              key={action}
              type="button"
              className={`button action-button${CLOSING_ACTIONS.includes(action) ? ' action-button-closing' : ''}`}
              aria-expanded={activeAction === action}
              aria-controls={activeAction === action ? `${id}-form` : undefined}
              onClick={() => toggle(action)}
            >
              {t(`caseAction.${action}`)}
            </button>
          ))}
        </div>
      )}
      {activeAction && (
        <div id={`${id}-form`} className="action-form-frame">
          <ActionForm
            key={activeAction}
            action={activeAction}
            caseDetail={caseDetail}
            isPending={actionMutation.isPending}
            onSubmit={submit}
            onCancel={() => setOpenAction(null)}
          />
        </div>
      )}
    </section>
  );
}

import type { TFunction } from 'i18next';
import type { ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { FileButton } from '@/components/ui/file-button';
import { isApiError } from '@/lib/api-client';
import { MAX_PHOTOS, type PhotoUploadItem, type PhotoUploads } from '../hooks/use-photo-uploads';
import { describeRefusal } from '../utils/describe-case-error';

type PhotoPickerProps = {
  id: string;
  label: string;
  hint: string;
  uploads: PhotoUploads;
  error?: string | null;
};

function describeUploadError(error: unknown, t: TFunction): string {
  if (isApiError(error) && error.code === 'network') return t('photos.network');
  // The server says what is wrong with the file (type, size, damage, too many pending).
  if (isApiError(error) && [400, 422, 429].includes(error.status)) return describeRefusal(error, t);
  return t('photos.failed');
}

/** Why an item failed or was refused, in the user's language. */
function describeItemProblem(item: PhotoUploadItem, t: TFunction): string {
  return item.rejection ? t(`photos.rejections.${item.rejection}`) : describeUploadError(item.error, t);
}

/** Camera or gallery; every photo uploads at once and shows its own state, error and retry. */
export function PhotoPicker({ id, label, hint, uploads, error }: PhotoPickerProps) {
  const { t } = useTranslation();
  const { items, skippedCount, countedCount } = uploads;
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;

  function handleChange(event: ChangeEvent<HTMLInputElement>) {
    const files = [...(event.target.files ?? [])];
    // Cleared so choosing the same photo again (after removing it) fires another change.
    event.target.value = '';
    uploads.addFiles(files);
  }

  return (
    <div className="field photo-picker">
      <label htmlFor={id}>{label}</label>
      <p id={hintId} className="field-hint">
        {hint} {t('photos.count', { count: countedCount, max: MAX_PHOTOS })}
      </p>
      <FileButton
        id={id}
        showChosen={false}
        accept="image/*"
        capture="environment"
        multiple
        disabled={countedCount >= MAX_PHOTOS}
        onChange={handleChange}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${hintId} ${errorId}` : hintId}
      />
      {skippedCount > 0 && (
        <p className="field-hint" role="status">
          {t('photos.skipped', { count: skippedCount, max: MAX_PHOTOS })}
        </p>
      )}
      {items.length > 0 && (
        <ul className="photo-uploads" aria-label={t('photos.listLabel')}>
          {items.map((item, index) => {
            // A refused file has no picture worth showing (it may not be one, or not decodable).
            const thumb =
              item.status === 'rejected' ? null : (item.previewUrl ?? item.upload?.thumbUrl ?? null);
            return (
              <li key={item.key} className="photo-upload" data-status={item.status}>
                {thumb ? (
                  <img
                    src={thumb}
                    alt={t('photos.previewAlt', { index: index + 1 })}
                    className="photo-upload-thumb"
                  />
                ) : (
                  <span className="photo-upload-thumb photo-upload-placeholder" aria-hidden="true">
                    {item.status === 'rejected' ? '!' : null}
                  </span>
                )}
                <span className="photo-upload-state">
                  {item.status === 'preparing' && (
                    <>
                      <progress className="photo-progress" aria-label={t('photos.preparing')} />
                      <span className="photo-state-text">{t('photos.preparing')}</span>
                    </>
                  )}
                  {item.status === 'uploading' && (
                    <>
                      <progress className="photo-progress" aria-label={t('photos.uploading')} />
                      <span className="visually-hidden">{t('photos.uploading')}</span>
                    </>
                  )}
                  {item.status === 'done' && <span className="photo-done">{t('photos.uploaded')}</span>}
                  {item.status === 'rejected' && (
                    <span className="photo-error" role="alert">
                      <span className="photo-file-name">{item.name}</span>
                      {t('photos.rejected', { reason: describeItemProblem(item, t) })}
                    </span>
                  )}
                  {item.status === 'deferred' && (
                    <>
                      <span className="photo-deferred">{t('photos.deferred')}</span>
                      <button
                        type="button"
                        className="button button-small"
                        onClick={() => uploads.retry(item.key)}
                      >
                        {t('common.retry')}
                      </button>
                    </>
                  )}
                  {item.status === 'failed' && (
                    <>
                      <span className="photo-error" role="alert">
                        {describeItemProblem(item, t)}
                      </span>
                      <button
                        type="button"
                        className="button button-small"
                        onClick={() => uploads.retry(item.key)}
                      >
                        {t('common.retry')}
                      </button>
                    </>
                  )}
                </span>
                <button
                  type="button"
                  className="icon-button photo-remove"
                  onClick={() => uploads.remove(item.key)}
                  aria-label={t('photos.remove', { index: index + 1 })}
                >
                  <span aria-hidden="true">×</span>
                </button>
              </li>
            );
          })}
        </ul>
      )}
      {error && (
        <p id={errorId} className="form-error">
          {error}
        </p>
      )}
    </div>
  );
}

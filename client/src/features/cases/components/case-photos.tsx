import type { CaseDetail } from '@gridgov/shared';
import { useTranslation } from 'react-i18next';

type CasePhotosProps = { photos: CaseDetail['photos']; label: string };

/** Thumbnails; each opens the full photo (a new tab keeps the case page where it was). */
export function CasePhotos({ photos, label }: CasePhotosProps) {
  const { t } = useTranslation();
  if (photos.length === 0) return null;
  return (
    <ul className="photo-grid" aria-label={label}>
      {photos.map((photo, index) => (
        <li key={photo.id}>
          <a href={photo.url} target="_blank" rel="noopener" className="photo-link">
            <img
              src={photo.thumbUrl}
              alt={t('caseDetail.openPhoto', { label, index: index + 1 })}
              loading="lazy"
              decoding="async"
            />
          </a>
        </li>
      ))}
    </ul>
  );
}

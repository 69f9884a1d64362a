import { useTranslation } from 'react-i18next';
import { AttributionControl, ZoomControl } from 'react-leaflet';

/**
 * Leaflet's own zoom buttons are titled "Zoom in"/"Zoom out" and its attribution starts with "Leaflet":
 * English inside the Chinese UI (issue 13). The maps turn those controls off and add these, in our words.
 * Keyed by language because Leaflet reads the titles once, when the control is added.
 */
export function TownMapControls({ hasTiles }: { hasTiles: boolean }) {
  const { t, i18n } = useTranslation();
  return (
    <>
      <ZoomControl
        key={`zoom-${i18n.language}`}
        position="topleft"
        zoomInTitle={t('map.zoomIn')}
        zoomOutTitle={t('map.zoomOut')}
      />
      {hasTiles && (
        <AttributionControl
          key={`attribution-${i18n.language}`}
          position="bottomright"
          prefix={t('map.attributionPrefix')}
        />
      )}
    </>
  );
}

import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useHealth } from '@/lib/health';

/**
 * 演示数据生成中: on a first start the server answers before the demo town's two years of cases are
 * written (issue 22); lists and figures fill in meanwhile, and are asked for again once it is done.
 */
export function DemoHistoryBanner() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const { data } = useHealth();
  const isGenerating = data?.demoHistory === 'generating';
  const wasGenerating = useRef(false);
  useEffect(() => {
    if (isGenerating) wasGenerating.current = true;
    else if (wasGenerating.current && data?.demoHistory === 'complete') {
      wasGenerating.current = false;
      // Every view drawn from the partial history is stale now.
      void queryClient.invalidateQueries({ predicate: (query) => query.queryKey[0] !== 'health' });
    }
  }, [isGenerating, data?.demoHistory, queryClient]);
  if (!isGenerating) return null;
  return (
    <p className="demo-history-banner" role="status">
      <strong>{t('demoHistory.generating')}</strong> {t('demoHistory.detail')}
    </p>
  );
}

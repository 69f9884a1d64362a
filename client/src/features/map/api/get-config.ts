// The configuration query lives in lib/ (the photo pickers read its upload limits too).
export { getClientConfig, getClientConfigQueryOptions, useClientConfig } from '@/lib/client-config';

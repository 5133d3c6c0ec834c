/** A translation function (i18next's `t`), passed to code outside React: sessions, reports. */
export type Translate = (key: string, options?: Record<string, unknown>) => string;

#ifndef DOK_CNOICUDATA_H
#define DOK_CNOICUDATA_H

/// 1 when this binary was linked without ICU's 34 MB data (release builds), 0 otherwise.
int dok_icu_data_omitted(void);

#endif

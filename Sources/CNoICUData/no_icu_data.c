// Leaves ICU's 34 MB data out of release builds (docs/PERFORMANCE.md, "Size").
//
// Full Foundation links FoundationInternationalization, which links ICU (lib_FoundationICU.a);
// ICU's data — locales, collation, time zone names, conversion tables — is one symbol,
// `icudt76_dat`, alone in its own archive member (icu_packaged_data.cpp.o). A static link pulls
// that member in only to resolve the symbol, so defining it here keeps it out: 33.6 MB of the
// 87 MB stripped binary. dok calls nothing that reads ICU's data (no Locale, Calendar,
// TimeZone names, DateFormatter, NumberFormatter, collation or NSRegularExpression); the
// modules that make Foundation link at all (Yams, Hummingbird's form coder) do not call them on
// dok's paths either. Should anything ask, ICU finds no valid data here (the header's magic
// bytes are zero) and returns U_INVALID_FORMAT_ERROR, as an ICU built without data does; it
// does not crash.
#ifdef DOK_OMIT_ICU_DATA
// ICU's data entry point; its type is ICU's DataHeader, a 16-byte-aligned header then the data.
__attribute__((aligned(16))) const unsigned char icudt76_dat[32] = {0};

int dok_icu_data_omitted(void) { return 1; }
#else
int dok_icu_data_omitted(void) { return 0; }
#endif

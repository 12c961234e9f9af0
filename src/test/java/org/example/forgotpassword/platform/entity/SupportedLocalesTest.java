package org.example.forgotpassword.platform.entity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class SupportedLocalesTest {

    private static List<Locale> tags(String... tags) {
        return Arrays.stream(tags).map(Locale::forLanguageTag).toList();
    }

    @Nested
    class Pick {

        @ParameterizedTest
        @ValueSource(strings = {"zh", "zh-CN", "zh-TW", "zh-HK", "zh-Hans", "zh-Hant-TW", "ZH-cn"})
        void everyChineseVariantMeansSimplifiedChinese(String tag) {
            assertThat(SupportedLocales.pick(tags(tag))).isEqualTo(Locale.SIMPLIFIED_CHINESE);
        }

        @ParameterizedTest
        @ValueSource(strings = {"en", "en-US", "en-GB"})
        void everyEnglishVariantMeansEnglish(String tag) {
            assertThat(SupportedLocales.pick(tags(tag))).isEqualTo(Locale.ENGLISH);
        }

        @ParameterizedTest
        @ValueSource(strings = {"fr", "de-DE", "ja", "und"})
        void unsupportedLanguageMeansEnglish(String tag) {
            assertThat(SupportedLocales.pick(tags(tag))).isEqualTo(Locale.ENGLISH);
        }

        @Test
        void noPreferenceMeansEnglish() {
            assertThat(SupportedLocales.pick(List.of())).isEqualTo(Locale.ENGLISH);
        }

        @Test
        void firstSupportedPreferenceWins() {
            assertThat(SupportedLocales.pick(tags("zh-CN", "en"))).isEqualTo(Locale.SIMPLIFIED_CHINESE);
            assertThat(SupportedLocales.pick(tags("en", "zh-CN"))).isEqualTo(Locale.ENGLISH);
        }

        @Test
        void unsupportedPreferencesBeforeASupportedOneAreSkipped() {
            assertThat(SupportedLocales.pick(tags("fr", "de", "zh-TW", "en"))).isEqualTo(Locale.SIMPLIFIED_CHINESE);
            assertThat(SupportedLocales.pick(tags("ja", "en-GB", "zh"))).isEqualTo(Locale.ENGLISH);
        }

        @Test
        void missingEntriesInThePreferenceListAreSkipped() {
            assertThat(SupportedLocales.pick(Arrays.asList(null, Locale.CHINESE))).isEqualTo(Locale.SIMPLIFIED_CHINESE);
        }

        @Test
        void englishIsPlainEnglishWithoutACountry() {
            Locale english = SupportedLocales.pick(tags("en-US"));

            assertThat(english.toLanguageTag()).isEqualTo("en");
        }
    }

    @Nested
    class FromTag {

        @ParameterizedTest
        @NullAndEmptySource
        @ValueSource(strings = {" ", "\t"})
        void missingOrBlankTagMeansEnglish(String tag) {
            assertThat(SupportedLocales.fromTag(tag)).isEqualTo(Locale.ENGLISH);
        }

        @ParameterizedTest
        @ValueSource(strings = {"fr-FR", "de", "x-private", "not a tag!", "12345", "*"})
        void unknownOrUnparseableTagMeansEnglish(String tag) {
            assertThat(SupportedLocales.fromTag(tag)).isEqualTo(Locale.ENGLISH);
        }

        @ParameterizedTest
        @ValueSource(strings = {"zh", "zh-CN", "zh-TW", "zh-Hant"})
        void chineseTagMeansSimplifiedChinese(String tag) {
            assertThat(SupportedLocales.fromTag(tag)).isEqualTo(Locale.SIMPLIFIED_CHINESE);
        }

        @Test
        void englishTagMeansEnglish() {
            assertThat(SupportedLocales.fromTag("en-US")).isEqualTo(Locale.ENGLISH);
        }

        @Test
        void tagsWrittenBySupportedLocalesReadBackTheSame() {
            assertThat(SupportedLocales.fromTag(Locale.SIMPLIFIED_CHINESE.toLanguageTag()))
                    .isEqualTo(Locale.SIMPLIFIED_CHINESE);
            assertThat(SupportedLocales.fromTag(Locale.ENGLISH.toLanguageTag())).isEqualTo(Locale.ENGLISH);
        }
    }

    @Nested
    class Chosen {

        @ParameterizedTest
        @ValueSource(strings = {"en", " en "})
        void englishCanBeChosen(String tag) {
            assertThat(SupportedLocales.chosen(tag)).contains(Locale.ENGLISH);
        }

        @ParameterizedTest
        @ValueSource(strings = {"zh", "zh-CN"})
        void chineseCanBeChosen(String tag) {
            assertThat(SupportedLocales.chosen(tag)).contains(Locale.SIMPLIFIED_CHINESE);
        }

        @ParameterizedTest
        @ValueSource(strings = {"fr", "zh-TW-x", "EN", ""})
        void nothingElseCanBeChosen(String tag) {
            assertThat(SupportedLocales.chosen(tag)).isEmpty();
        }
    }

    @Nested
    class TemplateSuffix {

        @Test
        void chineseOfAnyRegionUsesTheChineseTemplatesEverythingElseTheEnglishOnes() {
            assertThat(SupportedLocales.templateSuffix(Locale.SIMPLIFIED_CHINESE)).isEqualTo("zh");
            assertThat(SupportedLocales.templateSuffix(Locale.TRADITIONAL_CHINESE)).isEqualTo("zh");
            assertThat(SupportedLocales.templateSuffix(Locale.ENGLISH)).isEqualTo("en");
            assertThat(SupportedLocales.templateSuffix(Locale.GERMAN)).isEqualTo("en");
        }
    }
}

/**
 * Demo translations of a few activities and organisations, so every way a text can reach a reader
 * shows: a human translation, a machine draft (labelled), an outdated one, and none (Swedish, marked).
 * Keyed by the Swedish title or organisation slug in data.ts.
 */
import type { TranslationSource } from '../features/translation/index.js';

export interface DemoTranslation {
  language: string;
  source: TranslationSource;
  title?: string;
  description?: string;
  /** Made from an older Swedish text: shown as possibly outdated. */
  stale?: boolean;
}

export const activityTranslations: Record<string, DemoTranslation[]> = {
  'Språkcafé i Vivalla': [
    {
      language: 'en',
      source: 'human',
      title: 'Language café in Vivalla',
      description:
        'Come and speak Swedish over a cup of coffee. We sit in small groups and talk about everyday life. You do not need to know much Swedish. We are open all year.',
    },
    {
      language: 'ar',
      source: 'human',
      title: 'مقهى اللغة في فيفالا',
      description:
        'تعال وتحدث السويدية مع فنجان قهوة. نجلس في مجموعات صغيرة ونتحدث عن الحياة اليومية. لا تحتاج إلى معرفة الكثير من السويدية. نحن مفتوحون طوال السنة.',
    },
    {
      language: 'ti',
      source: 'machine',
      title: 'ቋንቋ ካፈ ኣብ ቪቫላ',
      description: 'ምስ ሓንቲ ኩባያ ቡን ሽወደንኛ ክትዛረብ ንዓ። ብንኣሽቱ ጉጅለታት ኮፍ ኢልና ብዛዕባ መዓልታዊ ህይወት ንዛረብ። ብዙሕ ሽወደንኛ ክትፈልጥ ኣየድልየካን።',
    },
  ],
  'Språkcafé på Stadsbiblioteket': [
    {
      language: 'en',
      source: 'human',
      title: 'Language café at the City Library',
      description: 'Practise Swedish with volunteers and others who are learning Swedish. We talk, play games and have coffee. All levels are welcome.',
    },
    {
      language: 'fa',
      source: 'human',
      title: 'کافه زبان در کتابخانه شهر',
      description: 'با داوطلبان و کسانی که سویدنی یاد می‌گیرند، سویدنی تمرین کنید. صحبت می‌کنیم، بازی می‌کنیم و قهوه می‌نوشیم. همه سطح‌ها خوش آمدند.',
    },
    {
      language: 'ar',
      source: 'machine',
      title: 'مقهى اللغة في مكتبة المدينة',
      description: 'تدرّب على السويدية مع متطوعين وآخرين يتعلمون السويدية. نتحدث ونلعب ونشرب القهوة. جميع المستويات مرحب بها.',
    },
  ],
  'Simning för kvinnor': [
    { language: 'en', source: 'human', title: 'Swimming for women' },
    { language: 'ar', source: 'human', title: 'سباحة للنساء' },
    { language: 'so', source: 'human', title: 'Dabaal haweenka' },
    { language: 'fa', source: 'human', title: 'شنا برای زنان' },
    {
      language: 'en',
      source: 'human',
      description: 'The swimming pool is only for women at this time. All lifeguards are women. You can learn to swim or swim on your own.',
      stale: true,
    },
  ],
};

export const organisationTranslations: Record<string, DemoTranslation[]> = {
  'roda-korset-orebro': [
    {
      language: 'en',
      source: 'human',
      description:
        'The Red Cross runs language cafés and homework help in several parts of Örebro. We also have groups where you can meet others and talk. You can get support if you feel bad or have questions about your family. Everyone is welcome.',
    },
    {
      language: 'ar',
      source: 'human',
      description:
        'يدير الصليب الأحمر مقاهي لغة ومساعدة في الواجبات المدرسية في عدة أحياء من أوربرو. لدينا أيضًا مجموعات يمكنك فيها لقاء الآخرين والتحدث. يمكنك الحصول على الدعم إذا كنت تشعر بالسوء أو لديك أسئلة عن عائلتك. الجميع مرحب بهم.',
    },
  ],
};

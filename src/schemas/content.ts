import { z } from 'zod';
import { languageName, languages, type Lang } from '../shared/languages';
import { localized, stableId } from './common';

/** `content/course.yaml`: what the course is and for whom. */
export const courseSchema = z.object({
  /** The course title. */
  title: localized,
  /** One paragraph on what the course is. */
  description: localized,
  /** Who the course is for. */
  audience: localized,
  /** The organisation publishing the course, shown in the footer and the certificate. */
  publisher: localized,
  /** The issuer line of the certificate, e.g. the organisation and unit; the publisher without it. */
  issuer: localized.optional(),
});
export type CourseData = z.infer<typeof courseSchema>;

const minutes = z
  .number({ error: 'must be a number of minutes' })
  .int({ error: 'must be a whole number of minutes' })
  .positive({ error: 'must be more than 0 minutes' })
  .max(240, { error: 'must be at most 240 minutes' });

/** `content/modules/<id>/module.yaml`: a module's overview. */
export const moduleSchema = z
  .object({
    /** The module's stable id; must match its folder name (src/course/validateCourse.ts checks). */
    id: stableId,
    /** Position in the course, 1 to the number of modules, each used once (checked across files). */
    order: z.number({ error: 'must be a number' }).int({ error: 'must be a whole number' }).min(1),
    /** The module title. */
    title: localized,
    /** One or two sentences on what the module teaches. */
    summary: localized,
    /** 3–5 learning objectives per language, the same number in every language. */
    objectives: z.object(
      Object.fromEntries(
        languages.map((lang) => [
          lang,
          z
            .array(z.string().trim().min(1), { error: `must list the objectives in ${languageName(lang)}` })
            .min(3, { error: 'needs 3–5 objectives' })
            .max(5, { error: 'needs 3–5 objectives' }),
        ]),
      ) as Record<Lang, z.ZodArray<z.ZodString>>,
    ),
  })
  .refine((m) => new Set(languages.map((lang) => m.objectives[lang].length)).size === 1, {
    error: `must list the same number of objectives in ${languages.map(languageName).join(' and ')}`,
    path: ['objectives'],
  });
export type ModuleData = z.infer<typeof moduleSchema>;

/** The frontmatter of a lesson file, `content/modules/<id>/<lang>/<nn>-<lesson>.mdx`. */
export const lessonSchema = z.object({
  /** The lesson's stable id, the same in both languages. */
  id: stableId,
  /** Position within the module, the same in both languages. */
  order: z.number({ error: 'must be a number' }).int().min(1).max(999),
  /** The lesson title. */
  title: z.string({ error: 'is required' }).trim().min(1, { error: 'is empty' }),
  /**
   * Overrides the study time computed from the lesson's words (src/course/studyTime.ts). Only for a
   * lesson whose time is not in its words, such as one built around a video or a worksheet.
   */
  minutes: minutes.optional(),
  /** One sentence for the module overview and search results. */
  summary: z.string({ error: 'is required' }).trim().min(1, { error: 'is empty' }),
  /** 2–5 key takeaways shown at the end of the lesson. */
  takeaways: z
    .array(z.string().trim().min(1), { error: 'must be a list of 2–5 takeaways' })
    .min(2, { error: 'needs 2–5 takeaways' })
    .max(5, { error: 'needs 2–5 takeaways' }),
  /** The reflection prompt; the learner's answer is saved to their notes. */
  reflection: z.string({ error: 'is required' }).trim().min(1, { error: 'is empty' }),
  /** When the lesson's facts were last checked against its sources (YYYY-MM-DD). */
  reviewed: z.coerce.date({ error: 'must be a date such as 2026-12-02' }).optional(),
  /** Notes on the state of the law the lesson relies on, e.g. a bill before Parliament. */
  lawStatus: z.array(z.string().trim().min(1)).optional(),
});
export type LessonData = z.infer<typeof lessonSchema>;

const quizOption = z.object({
  /** The option's text. */
  text: localized,
  /** Whether choosing this option is part of the right answer. */
  correct: z.boolean({ error: 'must be true or false' }),
  /** Why this option is right or wrong; shown after answering. */
  explanation: localized,
});

/** One question of a knowledge check. */
export const quizQuestionSchema = z
  .object({
    /** Stable id, unique within the module. */
    id: stableId,
    /** The question. */
    prompt: localized,
    /**
     * What to think about again after a wrong answer, without giving the answer away (e.g. which
     * lesson covers it). Shown only after a failed attempt; a general hint is used without it.
     */
    hint: localized.optional(),
    /** 2–6 options, at least one correct. */
    options: z
      .array(quizOption)
      .min(2, { error: 'needs at least 2 options' })
      .max(6, { error: 'allows at most 6 options' }),
  })
  .refine((q) => q.options.some((o) => o.correct), {
    error: 'needs at least one option with correct: true',
    path: ['options'],
  });

/** `content/modules/<id>/quiz.yaml`: the module's knowledge check. */
export const quizSchema = z
  .object({
    /** 5–8 questions. */
    questions: z
      .array(quizQuestionSchema)
      .min(5, { error: 'needs 5–8 questions' })
      .max(8, { error: 'needs 5–8 questions' }),
  })
  .refine((q) => new Set(q.questions.map((x) => x.id)).size === q.questions.length, {
    error: 'has two questions with the same id',
    path: ['questions'],
  });
export type QuizData = z.infer<typeof quizSchema>;

/** `content/pages/<lang>/<page>.mdx`: a site page such as the accessibility statement. */
export const pageSchema = z.object({
  /** The page title. */
  title: z.string({ error: 'is required' }).trim().min(1, { error: 'is empty' }),
  /** One sentence for search engines and link previews. */
  description: z.string({ error: 'is required' }).trim().min(1, { error: 'is empty' }),
  /** When the text was last reviewed (YYYY-MM-DD). */
  updated: z.coerce.date({ error: 'must be a date such as 2026-11-22' }),
});
export type PageData = z.infer<typeof pageSchema>;

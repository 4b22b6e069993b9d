import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { courseSchema, lessonSchema, moduleSchema, pageSchema, quizSchema } from './schemas/content';
import { academySchema } from './schemas/academy';
import { glossarySchema } from './schemas/glossary';
import { contentUrl } from './course/contentDir';

/*
 * The course lives in the top-level `content/` folder (see content/README.md). Each collection is
 * validated against its schema in src/schemas/content.ts; rules that span files (ids unique, every
 * lesson in both languages, folder and id agree) are checked by src/course/validateCourse.ts.
 */

const modulesBase = contentUrl('modules/');

const course = defineCollection({
  loader: glob({ pattern: 'course.yaml', base: contentUrl(), generateId: () => 'course' }),
  schema: courseSchema,
});

const modules = defineCollection({
  loader: glob({ pattern: '*/module.yaml', base: modulesBase, generateId: ({ entry }) => entry }),
  schema: moduleSchema,
});

const quizzes = defineCollection({
  loader: glob({ pattern: '*/quiz.yaml', base: modulesBase, generateId: ({ entry }) => entry }),
  schema: quizSchema,
});

const lessons = defineCollection({
  loader: glob({ pattern: '*/*/*.mdx', base: modulesBase, generateId: ({ entry }) => entry }),
  schema: lessonSchema,
});

/** The terms each module teaches first (content/modules/<id>/glossary.yaml), listed on the glossary page. */
const glossaries = defineCollection({
  loader: glob({ pattern: '*/glossary.yaml', base: modulesBase, generateId: ({ entry }) => entry }),
  schema: glossarySchema,
});

/** Site pages that are not part of the course: the accessibility statement and the privacy note. */
const pages = defineCollection({
  loader: glob({
    pattern: '*/*.mdx',
    base: contentUrl('pages/'),
    generateId: ({ entry }) => entry.replace(/\.mdx$/, ''),
  }),
  schema: pageSchema,
});

/** Self-study schedules of development programmes (content/academies/*.yaml, see content/README.md). */
const academies = defineCollection({
  loader: glob({
    pattern: '*.yaml',
    base: contentUrl('academies/'),
    generateId: ({ entry }) => entry.replace(/\.yaml$/, ''),
  }),
  schema: academySchema,
});

export const collections = { course, modules, quizzes, lessons, glossaries, pages, academies };

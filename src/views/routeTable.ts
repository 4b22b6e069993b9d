/*
 * Every kind of page, in one table: which pages of the kind exist in a language, their title and
 * description, the view that renders them and what the layout loads for them. The route file
 * (src/pages/[...path].astro) only looks a page up here and renders it; its paths in every language
 * come from src/i18n/routes.ts. A new kind of page is a new Route in routes.ts and a row here, and
 * the type below makes a missing row an error.
 */
import { getCourse, type Course, type CourseModule } from '../course/course';
import { getSitePage, sitePageKinds } from '../course/sitePages';
import type { Route } from '../i18n/routes';
import { t } from '../i18n/ui';
import type { Lang } from '../schemas/common';
import { getAcademies } from '../features/academy/academies';
import MeetingBriefView from '../features/academy/MeetingBriefView.astro';
import ScheduleView from '../features/academy/ScheduleView.astro';
import FeedbackReviewView from '../features/feedback/FeedbackReviewView.astro';
import FeedbackView from '../features/feedback/FeedbackView.astro';
import PlanView from '../features/plan/PlanView.astro';
import SelfAssessmentView from '../features/selfAssessment/SelfAssessmentView.astro';
import TeamView from '../features/team/TeamView.astro';
import CertificateView from './CertificateView.astro';
import HomeView from './HomeView.astro';
import LessonView from './LessonView.astro';
import ModuleView from './ModuleView.astro';
import MyDataView from './MyDataView.astro';
import NotesView from './NotesView.astro';
import OfflineView from './OfflineView.astro';
import QuizView from './QuizView.astro';
import SearchView from './SearchView.astro';
import SitePageView from './SitePageView.astro';

/** What a page renders inside the layout: a view and the props it takes. */
export interface Shown {
  view: (props: never) => unknown;
  props: Record<string, unknown>;
}

/** Pairs a view with its props, so the props are checked against the view's own Props. */
const show = <P extends Record<string, unknown>>(view: (props: P) => unknown, props: P): Shown => ({
  view: view as (props: never) => unknown,
  props,
});

/** Everything the layout needs to know about one page. */
export interface Page {
  title: string;
  description?: string | undefined;
  /** The main navigation item that is current. */
  section?: 'home' | 'search' | 'notes' | 'certificate' | 'myData' | undefined;
  /** Whether the page shows or changes progress, and so loads the progress wiring. */
  progress: boolean;
  noindex?: boolean | undefined;
  /** Where the learner is, for "continue where you left off". */
  location?: { moduleId: string; lessonId?: string | undefined } | undefined;
  shown: Shown;
}

interface PageKind<R extends Route> {
  /** Every page of this kind in a language. */
  routes: (lang: Lang, course: Course) => R[] | Promise<R[]>;
  /** The page of one route. */
  page: (route: R, lang: Lang, course: Course) => Page | Promise<Page>;
}

type RouteTable = { [K in Route['kind']]: PageKind<Extract<Route, { kind: K }>> };

const moduleOf = (course: Course, moduleId: string): CourseModule => {
  const module = course.modules.find((m) => m.id === moduleId);
  if (!module) throw new Error(`No module "${moduleId}" in the course`);
  return module;
};

/** A page with no parameters, titled by one interface string. */
const single = <K extends Route['kind']>(
  kind: K,
  page: (lang: Lang, course: Course) => Omit<Page, 'title'> & { title?: string },
  titleKey?: Parameters<typeof t>[1],
): PageKind<Extract<Route, { kind: K }>> => ({
  routes: () => [{ kind } as Extract<Route, { kind: K }>],
  page: (_route, lang, course) => {
    const rest = page(lang, course);
    return { ...rest, title: rest.title ?? (titleKey ? t(lang, titleKey) : course.data.title[lang]) };
  },
});

/** A site page from content/pages/: the accessibility statement, the privacy note, the glossary. */
const sitePage = <K extends (typeof sitePageKinds)[number]>(kind: K): PageKind<Extract<Route, { kind: K }>> => ({
  routes: () => [{ kind } as Extract<Route, { kind: K }>],
  page: async (_route, lang) => {
    const page = await getSitePage(kind, lang);
    return {
      title: page.data.title,
      description: page.data.description,
      progress: false,
      shown: show(SitePageView, { lang, page }),
    };
  },
});

export const routeTable: RouteTable = {
  home: single('home', (lang, course) => ({
    section: 'home',
    progress: true,
    shown: show(HomeView, { lang, course }),
  })),
  module: {
    routes: (_lang, course) => course.modules.map((m) => ({ kind: 'module', moduleId: m.id })),
    page: (route, lang, course) => {
      const module = moduleOf(course, route.moduleId);
      return {
        title: module.data.title[lang],
        description: module.data.summary[lang],
        progress: true,
        location: { moduleId: module.id },
        shown: show(ModuleView, { lang, course, module }),
      };
    },
  },
  lesson: {
    routes: (lang, course) =>
      course.modules.flatMap((m) =>
        m.lessons[lang].map((l) => ({ kind: 'lesson' as const, moduleId: m.id, lessonId: l.data.id })),
      ),
    page: (route, lang, course) => {
      const module = moduleOf(course, route.moduleId);
      const lesson = module.lessons[lang].find((l) => l.data.id === route.lessonId);
      if (!lesson) throw new Error(`No lesson "${route.lessonId}" in module "${module.id}" (${lang})`);
      return {
        title: lesson.data.title,
        description: lesson.data.summary,
        progress: true,
        location: { moduleId: module.id, lessonId: lesson.data.id },
        shown: show(LessonView, { lang, module, lesson }),
      };
    },
  },
  quiz: {
    routes: (_lang, course) => course.modules.map((m) => ({ kind: 'quiz', moduleId: m.id })),
    page: (route, lang, course) => {
      const module = moduleOf(course, route.moduleId);
      return {
        title: t(lang, 'quiz.heading', { module: module.data.title[lang] }),
        description: module.data.summary[lang],
        progress: true,
        location: { moduleId: module.id },
        shown: show(QuizView, { lang, course, module }),
      };
    },
  },
  search: single(
    'search',
    (lang) => ({ section: 'search', progress: false, shown: show(SearchView, { lang }) }),
    'search.heading',
  ),
  notes: single(
    'notes',
    (lang, course) => ({ section: 'notes', progress: true, shown: show(NotesView, { lang, course }) }),
    'page.notes',
  ),
  certificate: single(
    'certificate',
    (lang, course) => ({ section: 'certificate', progress: true, shown: show(CertificateView, { lang, course }) }),
    'page.certificate',
  ),
  myData: single(
    'myData',
    (lang) => ({ section: 'myData', progress: true, shown: show(MyDataView, { lang }) }),
    'page.myData',
  ),
  feedback: single(
    'feedback',
    (lang, course) => ({
      progress: true,
      shown: show(FeedbackView, { lang, contentVersion: course.manifest.contentVersion }),
    }),
    'feedback.title',
  ),
  feedbackReview: single(
    'feedbackReview',
    (lang, course) => ({ progress: true, shown: show(FeedbackReviewView, { lang, course }) }),
    'review.title',
  ),
  schedule: single(
    'schedule',
    (lang, course) => ({ progress: true, shown: show(ScheduleView, { lang, course }) }),
    'academy.schedule.title',
  ),
  meetingBrief: {
    routes: async (lang) =>
      (await getAcademies(lang)).flatMap((academy) =>
        academy.meetings.map((meeting) => ({
          kind: 'meetingBrief' as const,
          academyId: academy.id,
          meetingId: meeting.id,
        })),
      ),
    page: async (route, lang, course) => {
      const academy = (await getAcademies(lang)).find((a) => a.id === route.academyId);
      const n = (academy?.meetings.findIndex((m) => m.id === route.meetingId) ?? 0) + 1;
      return {
        title: t(lang, 'academy.brief.pageTitle', { n, academy: academy?.name ?? route.academyId }),
        progress: true,
        shown: show(MeetingBriefView, { lang, course, academyId: route.academyId, meetingId: route.meetingId }),
      };
    },
  },
  plan: single('plan', (lang) => ({ progress: true, shown: show(PlanView, { lang }) }), 'plan.title'),
  selfAssessment: single(
    'selfAssessment',
    (lang, course) => ({ progress: true, shown: show(SelfAssessmentView, { lang, course }) }),
    'assess.title',
  ),
  team: single('team', (lang, course) => ({ progress: true, shown: show(TeamView, { lang, course }) }), 'team.title'),
  offline: single(
    'offline',
    (lang) => ({ progress: false, noindex: true, shown: show(OfflineView, { lang }) }),
    'offline.title',
  ),
  accessibility: sitePage('accessibility'),
  privacy: sitePage('privacy'),
  glossary: sitePage('glossary'),
};

/** Every route of the site in a language, in the order the table lists its kinds. */
export async function routesIn(lang: Lang): Promise<Route[]> {
  const course = await getCourse();
  const kinds = Object.values(routeTable) as PageKind<Route>[];
  return (await Promise.all(kinds.map(async (kind) => kind.routes(lang, course)))).flat();
}

/** The page of a route, looked up in the table. */
export async function pageOf(route: Route, lang: Lang): Promise<Page> {
  const kind = routeTable[route.kind] as PageKind<Route>;
  return kind.page(route, lang, await getCourse());
}

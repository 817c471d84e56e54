/* pnl-store.h
 *
 * Copyright 2026 The Panelist authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "pnl-scorecard.h"
#include "pnl-types.h"

G_BEGIN_DECLS

/* What importing did with one scorecard. */
typedef enum
{
  PNL_IMPORT_OUTCOME_ADDED,      /* a new interview */
  PNL_IMPORT_OUTCOME_UPDATED,    /* a higher revision replaced the local copy */
  PNL_IMPORT_OUTCOME_UNCHANGED,  /* the local copy is the same or newer */
  PNL_IMPORT_OUTCOME_CONFLICT,   /* kept aside as a conflict: the local copy stays */
} PnlImportOutcome;

/* Why an arrival is a conflict (docs/panel-folder.md). */
typedef enum
{
  PNL_IMPORT_CONFLICT_NONE,
  /* The same revision with other content. */
  PNL_IMPORT_CONFLICT_SAME_REVISION,
  /* A higher revision, but the interview is open in a window or was
   * changed here since it was last imported or published. */
  PNL_IMPORT_CONFLICT_CHANGED_HERE,
  /* It names another candidate, interviewer, role or bank. */
  PNL_IMPORT_CONFLICT_IDENTITY,
} PnlImportConflict;

/* The fields of an interview fixed at its creation. */
typedef enum
{
  PNL_IDENTITY_CANDIDATE_NAME      = 1 << 0,
  PNL_IDENTITY_CANDIDATE_REFERENCE = 1 << 1,
  PNL_IDENTITY_INTERVIEWER         = 1 << 2,
  PNL_IDENTITY_ROLE                = 1 << 3,
  PNL_IDENTITY_BANK                = 1 << 4,
} PnlIdentityFields;

/* What importing did with one scorecard, and why. */
typedef struct
{
  PnlImportOutcome   outcome;
  PnlImportConflict  conflict;
  /* For PNL_IMPORT_CONFLICT_IDENTITY: the fields that differ. */
  PnlIdentityFields  fields;
  /* The revision here when it was compared, 0 for none. */
  gint64             local_revision;
} PnlImportResult;

/* An arrival kept aside (the conflicts table). */
typedef struct
{
  char              *uuid;
  gint64             revision;
  PnlImportConflict  conflict;
  PnlIdentityFields  fields;
  char              *source;
  gint64             arrived_at;
  /* The scorecard as it arrived, as Panelist writes it. */
  char              *scorecard;
} PnlConflictRecord;

void          pnl_conflict_record_free       (PnlConflictRecord *record);
const char   *pnl_import_conflict_to_string  (PnlImportConflict  conflict);
/* The names of @fields, translated, joined by ", ". */
char         *pnl_identity_fields_to_string  (PnlIdentityFields  fields);

#define PNL_STORE_SCHEMA_VERSION 7

/* A session refreshes its lease this often; a lease not refreshed for
 * PNL_STORE_LEASE_STALE_S (or whose process is gone) does not count. */
#define PNL_STORE_LEASE_HEARTBEAT_S 60
#define PNL_STORE_LEASE_STALE_S     600

typedef enum
{
  PNL_STORE_OPEN_NONE    = 0,
  /* pnl_store_check_file() has just passed on the file. */
  PNL_STORE_OPEN_CHECKED = 1 << 0,
} PnlStoreOpenFlags;

/* One skill area of one interview, summed up: the scored answers (a score
 * above 0) and their total. */
typedef struct
{
  char   *area_id;
  char   *area_title;
  gint64  sum;
  guint   count;
} PnlAreaTally;

/* One interview as the comparison of its role needs it, without its
 * answers: its areas in the order of their first answer. */
typedef struct
{
  char              *uuid;
  char              *candidate_name;
  char              *candidate_reference;
  char              *role;
  char              *interviewer;
  PnlInterviewState  state;
  PnlRecommendation  recommendation;
  gint64             started_at;
  int                scale_min;
  int                scale_max;
  GArray            *areas;   /* PnlAreaTally */
} PnlInterviewTally;

void          pnl_interview_tally_free       (PnlInterviewTally *tally);

#define PNL_TYPE_STORE (pnl_store_get_type())

G_DECLARE_FINAL_TYPE (PnlStore, pnl_store, PNL, STORE, GObject)

/* $XDG_DATA_HOME/panelist/panelist.db */
char         *pnl_store_get_default_path     (void);
gboolean      pnl_store_check_file           (const char    *path,
                                              GError       **error);
PnlStore     *pnl_store_new_full             (const char    *path,
                                              PnlStoreOpenFlags flags,
                                              GError       **error);
/* Creates the folder (0700) and the file (0600) when missing, migrates
 * the schema, and starts the writer thread.  A database newer than this
 * build is refused untouched. */
PnlStore     *pnl_store_new                  (const char    *path,
                                              GError       **error);
/* The same; but a file that is not a database or is damaged is first
 * kept aside under a new name (set in @set_aside_path) and a new one is
 * started.  Nothing is deleted. */
PnlStore     *pnl_store_new_or_set_aside     (const char    *path,
                                              char         **set_aside_path,
                                              GError       **error);
const char   *pnl_store_get_path             (PnlStore      *self);
/* Whose scorecards are whose (docs/database.md): this installation's
 * identity, and whether @interview is its own.  Another interviewer's
 * interview is read only: saves of it are refused (they return FALSE
 * and queue nothing), and a custom question cannot be added to it. */
const char   *pnl_store_get_identity         (PnlStore      *self);
gboolean      pnl_store_interview_is_mine    (PnlStore      *self,
                                              PnlInterview  *interview);

/* Reading: on the caller's thread, with the store's own connection. */
GListModel   *pnl_store_list_candidates      (PnlStore      *self,
                                              GError       **error);
/* Most recently changed first. */
GListModel   *pnl_store_list_interviews      (PnlStore      *self,
                                              GError       **error);
/* Each role once, that of the most recently changed interview first. */
GStrv         pnl_store_list_roles           (PnlStore      *self,
                                              GError       **error);
/* Most recently changed first, like the rest. */
GListModel   *pnl_store_list_role_interviews (PnlStore      *self,
                                              const char    *role,
                                              GError       **error);
/* By name and reference both, and by @role unless it is NULL. */
GListModel   *pnl_store_list_candidate_interviews (PnlStore   *self,
                                                   const char *name,
                                                   const char *reference,
                                                   const char *role,
                                                   GError    **error);
/* Candidates called @name_or_reference, or whose reference it is. */
GListModel   *pnl_store_find_candidate_interviews (PnlStore   *self,
                                                   const char *name_or_reference,
                                                   GError    **error);
/* An unknown @uuid is G_IO_ERROR_NOT_FOUND. */
PnlInterview *pnl_store_find_interview       (PnlStore      *self,
                                              const char    *uuid,
                                              GError       **error);
/* The answers of @interview, in the order of its questions. */
GListModel   *pnl_store_list_answers         (PnlStore      *self,
                                              PnlInterview  *interview,
                                              GError       **error);

/* Creating: runs on the writer thread, waits for it, all in one
 * transaction.  The candidate is found by name and reference, or added.
 * Every question of @bank is snapshotted into an answer. */
PnlInterview *pnl_store_create_interview     (PnlStore      *self,
                                              const char    *candidate_name,
                                              const char    *candidate_reference,
                                              const char    *role,
                                              const char    *round,
                                              const char    *interviewer,
                                              PnlBank       *bank,
                                              GError       **error);
/* Adds an ad-hoc question to @interview after its other questions. */
PnlAnswer    *pnl_store_add_custom_question  (PnlStore      *self,
                                              PnlInterview  *interview,
                                              const char    *area_id,
                                              const char    *area_title,
                                              const char    *prompt,
                                              GError       **error);
/* Queued like saves (see below), by the interview and question id of
 * @answer, which must be custom: its prompt as @answer's question holds
 * it now; its removal (its answer and custom_questions rows); and its
 * return, exactly as @answer holds it (position, notes, score, flags,
 * time).  A removal or return replaces a waiting save of the answer. */
void          pnl_store_rename_custom_question  (PnlStore  *self,
                                                 PnlAnswer *answer);
void          pnl_store_remove_custom_question  (PnlStore  *self,
                                                 PnlAnswer *answer);
void          pnl_store_restore_custom_question (PnlStore  *self,
                                                 PnlAnswer *answer);

/* Saving: copies what the object holds now and queues it on the writer;
 * returns at once (FALSE, queuing nothing, for another interviewer's).  Each saved change raises the interview's revision.
 * A failure is reported by the "save-failed" signal (GError *), once,
 * then "save-recovered" when saves work again; the change stays queued
 * and is retried.  See docs/database.md. */
gboolean      pnl_store_save_answer          (PnlStore      *self,
                                              PnlAnswer     *answer);
gboolean      pnl_store_save_interview       (PnlStore      *self,
                                              PnlInterview  *interview);
/* Waits for every queued save (used on quit). */
gboolean      pnl_store_flush                (PnlStore      *self,
                                              GError       **error);
guint         pnl_store_get_n_pending        (PnlStore      *self);
gboolean      pnl_store_close                (PnlStore      *self,
                                              GError       **error);

/* Scorecards (docs/scorecard-format.md) ------------------------------ */

/* The interview @uuid as it is in the file now, with its answers.  On the
 * caller's thread, like the other reads. */
PnlScorecard *pnl_store_load_scorecard       (PnlStore      *self,
                                              const char    *uuid,
                                              GError       **error);
/* Every interview, by UUID: a full export. */
GPtrArray    *pnl_store_list_scorecards      (PnlStore      *self,
                                              GError       **error);
/* Merges @scorecards (of PnlScorecard) by UUID and revision, all in ONE
 * transaction on the writer thread, and waits for it.  Returns a GArray
 * of PnlImportOutcome, one per scorecard in order; on failure nothing
 * is changed.  Imported interviews keep their revision.  Safe to call
 * from a thread other than the store's. */
GArray       *pnl_store_import_scorecards    (PnlStore      *self,
                                              GPtrArray     *scorecards,
                                              GError       **error);
/* The same, in transactions of bounded length (each scorecard whole in
 * one), with a pause between them so that other writers get in.  @source
 * (the file) is kept with a conflict.  Returns a GArray of
 * PnlImportResult; on failure the scorecards of the batches before it
 * stay imported. */
GArray       *pnl_store_import_scorecards_full (PnlStore    *self,
                                                GPtrArray   *scorecards,
                                                const char  *source,
                                                GError     **error);

/* @revision of @uuid is published (written to a panel folder): the
 * interview is in step at it.  Queued; safe from any thread. */
void          pnl_store_mark_published       (PnlStore      *self,
                                              const char    *uuid,
                                              gint64         revision);

/* Conflicts kept by imports, oldest first (of PnlConflictRecord). */
GPtrArray    *pnl_store_list_conflicts       (PnlStore      *self,
                                              GError       **error);
/* Ends the conflicts of @uuid: keeping the copy here (its revision is
 * raised above theirs), or taking theirs (the latest arrival) as a new
 * revision above the one here.  Refused while the interview is open. */
gboolean      pnl_store_resolve_conflict     (PnlStore      *self,
                                              const char    *uuid,
                                              gboolean       keep_theirs,
                                              GError       **error);

/* Leases (docs/database.md): an interview open in a session is held, so
 * that an import keeps what arrives aside instead of changing it.  With
 * @wait the hold is on disk when this returns; without, it is queued
 * (a heartbeat).  A release is queued. */
gboolean      pnl_store_hold_interview       (PnlStore      *self,
                                              PnlInterview  *interview,
                                              const char    *owner,
                                              gboolean       wait,
                                              GError       **error);
void          pnl_store_release_interview    (PnlStore      *self,
                                              PnlInterview  *interview,
                                              const char    *owner);

/* Every interview of @role, summed up area by area in SQL: what the
 * comparison of a role needs, at a fraction of the cost of reading the
 * answers.  In no particular order. */
GPtrArray    *pnl_store_list_role_tallies    (PnlStore      *self,
                                              const char    *role,
                                              GError       **error);
GListModel   *pnl_store_list_recent_interviews (PnlStore    *self,
                                               guint        limit,
                                               guint       *n_total,
                                               GError     **error);
GListModel   *pnl_store_list_stale_candidates (PnlStore     *self,
                                              gint64         before,
                                              GError       **error);
gboolean      pnl_store_forget_candidate     (PnlStore      *self,
                                              gint64         candidate_id,
                                              GStrv         *uuids,
                                              GError       **error);

PnlStore     *pnl_store_new_or_set_aside_full (const char       *path,
                                               PnlStoreOpenFlags flags,
                                               char            **set_aside_path,
                                               GError          **error);

G_END_DECLS

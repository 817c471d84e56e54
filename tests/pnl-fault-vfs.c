/* pnl-fault-vfs.c
 *
 * Copyright 2026 The Panelist authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <sqlite3.h>
#include <string.h>

#include "pnl-fault-vfs.h"

/* Each open file is our header followed by the "unix" VFS's own file
 * structure, in one allocation of szOsFile bytes made by SQLite. */
typedef struct
{
  sqlite3_file  base;
  sqlite3_file *real;
  /* Only database, rollback journal and write-ahead log files fail. */
  gboolean      may_fail;
} FaultFile;

#define FAULT_FILE_SIZE ((sizeof (FaultFile) + 7) & ~(gsize) 7)
#define MAX_TIMES 64

enum {
  OP_WRITE,
  OP_SYNC,
  OP_TRUNCATE,
  N_OPS
};

static sqlite3_vfs *real_vfs;
static sqlite3_vfs fault_vfs;
static sqlite3_io_methods fault_io_methods;

/* Calls come from the writer thread and the test's thread. */
static GMutex lock;
static PnlFaultOps failing_ops;
static int failing_rc;
static guint n_ok_left;
static gboolean torn_writes;
static guint n_calls[N_OPS];
static guint n_failed[N_OPS];
static gint64 failure_times[MAX_TIMES];
static guint n_failure_times;

static guint
op_index (PnlFaultOps op)
{
  switch ((int) op)
    {
    case PNL_FAULT_WRITE:
      return OP_WRITE;
    case PNL_FAULT_SYNC:
      return OP_SYNC;
    case PNL_FAULT_TRUNCATE:
      return OP_TRUNCATE;
    default:
      g_assert_not_reached ();
    }
}

/* Counts the call, and returns the error to fail it with, or SQLITE_OK. */
static int
fault_check (FaultFile   *file,
             PnlFaultOps  op,
             gboolean    *torn)
{
  guint i = op_index (op);
  int rc = SQLITE_OK;

  g_mutex_lock (&lock);

  n_calls[i]++;

  if (file->may_fail && (failing_ops & op) != 0)
    {
      if (n_ok_left > 0)
        {
          n_ok_left--;
        }
      else
        {
          rc = failing_rc;
          n_failed[i]++;
          if (n_failure_times < MAX_TIMES)
            failure_times[n_failure_times++] = g_get_monotonic_time ();
          if (torn != NULL)
            *torn = torn_writes;
        }
    }

  g_mutex_unlock (&lock);

  return rc;
}

static int
fault_close (sqlite3_file *file)
{
  FaultFile *self = (FaultFile *) file;

  return self->real->pMethods->xClose (self->real);
}

static int
fault_read (sqlite3_file *file,
            void         *buffer,
            int           amount,
            sqlite3_int64 offset)
{
  FaultFile *self = (FaultFile *) file;

  return self->real->pMethods->xRead (self->real, buffer, amount, offset);
}

static int
fault_write (sqlite3_file *file,
             const void   *buffer,
             int           amount,
             sqlite3_int64 offset)
{
  FaultFile *self = (FaultFile *) file;
  gboolean torn = FALSE;
  int rc;

  if ((rc = fault_check (self, PNL_FAULT_WRITE, &torn)) != SQLITE_OK)
    {
      if (torn && amount > 1)
        self->real->pMethods->xWrite (self->real, buffer, amount / 2, offset);
      return rc;
    }

  return self->real->pMethods->xWrite (self->real, buffer, amount, offset);
}

static int
fault_truncate (sqlite3_file *file,
                sqlite3_int64 size)
{
  FaultFile *self = (FaultFile *) file;
  int rc;

  if ((rc = fault_check (self, PNL_FAULT_TRUNCATE, NULL)) != SQLITE_OK)
    return rc;

  return self->real->pMethods->xTruncate (self->real, size);
}

static int
fault_sync (sqlite3_file *file,
            int           flags)
{
  FaultFile *self = (FaultFile *) file;
  int rc;

  if ((rc = fault_check (self, PNL_FAULT_SYNC, NULL)) != SQLITE_OK)
    return rc;

  return self->real->pMethods->xSync (self->real, flags);
}

static int
fault_file_size (sqlite3_file  *file,
                 sqlite3_int64 *size)
{
  FaultFile *self = (FaultFile *) file;

  return self->real->pMethods->xFileSize (self->real, size);
}

static int
fault_lock (sqlite3_file *file,
            int           level)
{
  FaultFile *self = (FaultFile *) file;

  return self->real->pMethods->xLock (self->real, level);
}

static int
fault_unlock (sqlite3_file *file,
              int           level)
{
  FaultFile *self = (FaultFile *) file;

  return self->real->pMethods->xUnlock (self->real, level);
}

static int
fault_check_reserved_lock (sqlite3_file *file,
                           int          *result)
{
  FaultFile *self = (FaultFile *) file;

  return self->real->pMethods->xCheckReservedLock (self->real, result);
}

static int
fault_file_control (sqlite3_file *file,
                    int           op,
                    void         *arg)
{
  FaultFile *self = (FaultFile *) file;

  return self->real->pMethods->xFileControl (self->real, op, arg);
}

static int
fault_sector_size (sqlite3_file *file)
{
  FaultFile *self = (FaultFile *) file;

  return self->real->pMethods->xSectorSize (self->real);
}

static int
fault_device_characteristics (sqlite3_file *file)
{
  FaultFile *self = (FaultFile *) file;

  return self->real->pMethods->xDeviceCharacteristics (self->real);
}

static int
fault_shm_map (sqlite3_file  *file,
               int            region,
               int            size,
               int            extend,
               void volatile **pointer)
{
  FaultFile *self = (FaultFile *) file;

  return self->real->pMethods->xShmMap (self->real, region, size, extend, pointer);
}

static int
fault_shm_lock (sqlite3_file *file,
                int           offset,
                int           n,
                int           flags)
{
  FaultFile *self = (FaultFile *) file;

  return self->real->pMethods->xShmLock (self->real, offset, n, flags);
}

static void
fault_shm_barrier (sqlite3_file *file)
{
  FaultFile *self = (FaultFile *) file;

  self->real->pMethods->xShmBarrier (self->real);
}

static int
fault_shm_unmap (sqlite3_file *file,
                 int           delete_flag)
{
  FaultFile *self = (FaultFile *) file;

  return self->real->pMethods->xShmUnmap (self->real, delete_flag);
}

static int
fault_fetch (sqlite3_file  *file,
             sqlite3_int64  offset,
             int            amount,
             void         **pointer)
{
  FaultFile *self = (FaultFile *) file;

  return self->real->pMethods->xFetch (self->real, offset, amount, pointer);
}

static int
fault_unfetch (sqlite3_file  *file,
               sqlite3_int64  offset,
               void          *pointer)
{
  FaultFile *self = (FaultFile *) file;

  return self->real->pMethods->xUnfetch (self->real, offset, pointer);
}

static int
fault_open (sqlite3_vfs  *vfs,
            const char   *name,
            sqlite3_file *file,
            int           flags,
            int          *out_flags)
{
  FaultFile *self = (FaultFile *) file;
  int rc;

  memset (self, 0, sizeof *self);
  /* FAULT_FILE_SIZE is a multiple of 8: the real file is aligned. */
  self->real = (sqlite3_file *) (gpointer) ((char *) file + FAULT_FILE_SIZE);
  self->may_fail = (flags & (SQLITE_OPEN_MAIN_DB |
                             SQLITE_OPEN_MAIN_JOURNAL |
                             SQLITE_OPEN_WAL)) != 0;

  rc = real_vfs->xOpen (real_vfs, name, self->real, flags, out_flags);

  /* SQLite calls xClose only when pMethods is set. */
  if (self->real->pMethods != NULL)
    self->base.pMethods = &fault_io_methods;

  return rc;
}

void
pnl_fault_vfs_register (void)
{
  if (real_vfs != NULL)
    return;

  real_vfs = sqlite3_vfs_find ("unix");
  g_assert_nonnull (real_vfs);
  g_assert_cmpint (real_vfs->iVersion, >=, 3);

  fault_io_methods = (sqlite3_io_methods) {
    .iVersion = 3,
    .xClose = fault_close,
    .xRead = fault_read,
    .xWrite = fault_write,
    .xTruncate = fault_truncate,
    .xSync = fault_sync,
    .xFileSize = fault_file_size,
    .xLock = fault_lock,
    .xUnlock = fault_unlock,
    .xCheckReservedLock = fault_check_reserved_lock,
    .xFileControl = fault_file_control,
    .xSectorSize = fault_sector_size,
    .xDeviceCharacteristics = fault_device_characteristics,
    .xShmMap = fault_shm_map,
    .xShmLock = fault_shm_lock,
    .xShmBarrier = fault_shm_barrier,
    .xShmUnmap = fault_shm_unmap,
    .xFetch = fault_fetch,
    .xUnfetch = fault_unfetch,
  };

  /* Everything but opening a file is the unix VFS's own, which only
   * looks at fields copied here. */
  fault_vfs = *real_vfs;
  fault_vfs.zName = "pnl-fault";
  fault_vfs.szOsFile = (int) FAULT_FILE_SIZE + real_vfs->szOsFile;
  fault_vfs.pNext = NULL;
  fault_vfs.xOpen = fault_open;

  g_assert_cmpint (sqlite3_vfs_register (&fault_vfs, 1), ==, SQLITE_OK);
}

void
pnl_fault_vfs_fail (PnlFaultOps ops,
                    int         rc,
                    guint       n_ok,
                    gboolean    torn)
{
  g_assert_cmpint (rc, !=, SQLITE_OK);

  g_mutex_lock (&lock);
  failing_ops = ops;
  failing_rc = rc;
  n_ok_left = n_ok;
  torn_writes = torn;
  g_mutex_unlock (&lock);
}

void
pnl_fault_vfs_heal (void)
{
  g_mutex_lock (&lock);
  failing_ops = 0;
  failing_rc = SQLITE_OK;
  n_ok_left = 0;
  torn_writes = FALSE;
  g_mutex_unlock (&lock);
}

void
pnl_fault_vfs_reset_counts (void)
{
  g_mutex_lock (&lock);
  memset (n_calls, 0, sizeof n_calls);
  memset (n_failed, 0, sizeof n_failed);
  n_failure_times = 0;
  g_mutex_unlock (&lock);
}

guint
pnl_fault_vfs_get_n_calls (PnlFaultOps op)
{
  guint n;

  g_mutex_lock (&lock);
  n = n_calls[op_index (op)];
  g_mutex_unlock (&lock);

  return n;
}

guint
pnl_fault_vfs_get_n_failed (PnlFaultOps op)
{
  guint n;

  g_mutex_lock (&lock);
  n = n_failed[op_index (op)];
  g_mutex_unlock (&lock);

  return n;
}

GArray *
pnl_fault_vfs_get_failure_times (void)
{
  GArray *times = g_array_new (FALSE, FALSE, sizeof (gint64));

  g_mutex_lock (&lock);
  g_array_append_vals (times, failure_times, n_failure_times);
  g_mutex_unlock (&lock);

  return times;
}

#!/bin/sh
# Run once by Patroni on the node that bootstraps the cluster: the database and its two roles.
set -e
psql -v ON_ERROR_STOP=1 -d postgres -c 'CREATE DATABASE nwd'
psql -v ON_ERROR_STOP=1 -d nwd -f /etc/patroni/postgres-roles.sql

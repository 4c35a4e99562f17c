--liquibase formatted sql
-- The sample's own table beside the module's: password hashes for the fallback sign-in.
-- Portable SQL for H2 2.x and PostgreSQL.

--changeset jpasskeys-sample:1-passwords
CREATE TABLE sample_password (
    username      VARCHAR(64)  NOT NULL,
    password_hash VARCHAR(512) NOT NULL,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_sample_password PRIMARY KEY (username)
);

--changeset jpasskeys-sample:2-administrators
-- Accounts the operator made for the names in sample.admins: only these hold the admin group. A row is
-- written in the transaction that creates the account, so an account that signed up itself never has one.
CREATE TABLE sample_admin (
    username   VARCHAR(64) NOT NULL,
    user_id    VARCHAR(32) NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_sample_admin PRIMARY KEY (username)
);

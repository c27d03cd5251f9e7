-- case: MySQL inline enum kept, column name shortened
-- dialect: mysql
-- expect: column tickets.ticket_priority -> priority
-- before
CREATE TABLE tickets (id int NOT NULL AUTO_INCREMENT PRIMARY KEY, ticket_priority enum('low','normal','high') NOT NULL DEFAULT 'normal', subject varchar(200) NOT NULL);
-- after
CREATE TABLE tickets (id int NOT NULL AUTO_INCREMENT PRIMARY KEY, priority enum('low','normal','high') NOT NULL DEFAULT 'normal', subject varchar(200) NOT NULL);

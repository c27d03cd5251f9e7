-- case: MySQL, dropped column and new column of same type and unrelated name
-- dialect: mysql
-- expect: none
-- before
CREATE TABLE stores (id int NOT NULL AUTO_INCREMENT PRIMARY KEY, fax varchar(32) NULL, name varchar(100) NOT NULL);
-- after
CREATE TABLE stores (id int NOT NULL AUTO_INCREMENT PRIMARY KEY, name varchar(100) NOT NULL, website varchar(255) NULL);

-- case: MySQL, a dropped table and an unrelated new one sharing id/created_at/name
-- dialect: mysql
-- expect: none
-- before
CREATE TABLE coupons (id int NOT NULL AUTO_INCREMENT PRIMARY KEY, code varchar(40) NOT NULL, percent_off int NOT NULL, created_at datetime(3) NOT NULL);
-- after
CREATE TABLE banners (id int NOT NULL AUTO_INCREMENT PRIMARY KEY, image_url varchar(255) NOT NULL, link varchar(255) NULL, created_at datetime(3) NOT NULL);
